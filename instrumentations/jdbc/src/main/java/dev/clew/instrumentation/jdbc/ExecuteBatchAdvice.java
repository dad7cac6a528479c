package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code executeBatch}, {@code executeLargeBatch}. */
public final class ExecuteBatchAdvice {
  private ExecuteBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement) {
    return JdbcTracer.startBatch(statement);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown,
      @Advice.This Statement statement) {
    JdbcTracer.endBatch(call, thrown, statement);
  }
}
