package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code addBatch()} of a prepared statement or {@code addBatch(sql)}: counted once it succeeded. */
public final class AddBatchAdvice {
  private AddBatchAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This Statement statement, @Advice.Argument(value = 0, optional = true) String sql,
      @Advice.Thrown Throwable thrown) {
    if (thrown == null) {
      JdbcTracer.onAddBatch(statement, sql);
    }
  }
}
