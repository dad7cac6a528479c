package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code clearBatch()}. */
public final class ClearBatchAdvice {
  private ClearBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement) {
    JdbcTracer.onClearBatch(statement);
  }
}
