package dev.clew.instrumentation.jdbc;

import java.sql.Statement;
import net.bytebuddy.asm.Advice;

/**
 * {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)}: remember the SQL of the
 * outermost call only (a pool's proxy prepares through the driver's connection, whose statement is only
 * ever executed from inside the proxy's, where nothing is traced).
 */
public final class PrepareAdvice {
  private PrepareAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static int enter() {
    return JdbcTracer.enterPrepare();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter int level, @Advice.Argument(0) String sql, @Advice.Return Statement statement) {
    JdbcTracer.onPrepare(level, sql, statement);
  }
}
