package dev.clew.instrumentation.jdbc;

import java.sql.Connection;
import net.bytebuddy.asm.Advice;

/** {@code Connection.commit()} and {@code rollback()}, when transaction spans are configured. */
public final class TransactionAdvice {
  private TransactionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This Connection connection, @Advice.Origin("#m") String method) {
    return JdbcTracer.startTransaction(connection, method);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    JdbcTracer.end(call, thrown);
  }
}
