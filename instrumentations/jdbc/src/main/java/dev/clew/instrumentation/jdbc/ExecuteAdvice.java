package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate}, with or without SQL. */
public final class ExecuteAdvice {
  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Statement statement, @Advice.Argument(value = 0, optional = true) String sql) {
    return JdbcTracer.startExecute(statement, sql);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown,
      @Advice.This Statement statement, @Advice.Argument(value = 0, optional = true) String sql) {
    JdbcTracer.endExecute(call, thrown, statement, sql);
  }
}
