package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/** {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)}: remember the SQL. */
public final class PrepareAdvice {
  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Argument(0) String sql, @Advice.Return Statement statement) {
    JdbcTracer.onPrepare(sql, statement);
  }
}
