package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Statement.close()}: forget the statement now rather than when it is garbage collected. */
public final class CloseAdvice {
  private CloseAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement) {
    JdbcTracer.onClose(statement);
  }
}
