package dev.clew.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/** Adds the tracing interceptor to the builder before the client copies its interceptors. */
public final class ClientBuildAdvice {
  private ClientBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
    TracingInterceptor.addTo(builder);
  }
}
