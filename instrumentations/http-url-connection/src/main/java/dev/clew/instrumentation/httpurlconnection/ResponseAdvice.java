package dev.clew.instrumentation.httpurlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** {@code getInputStream} and {@code getResponseCode}: the response is known, end the span. */
public final class ResponseAdvice {
  private ResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This HttpURLConnection connection) {
    return HttpUrlConnectionTracer.enter(connection);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This HttpURLConnection connection, @Advice.Enter Object call,
      @Advice.Thrown Throwable thrown) {
    HttpUrlConnectionTracer.exit(connection, call, thrown, true);
  }
}
