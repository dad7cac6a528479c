package dev.clew.instrumentation.okhttp;

import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** The first application interceptor of every client: one span per call, around all the others. */
public final class TracingInterceptor implements Interceptor {
  static final TracingInterceptor INSTANCE = new TracingInterceptor();

  /** Adds the interceptor unless the builder has it (builders made from a client copy its interceptors). */
  static void addTo(OkHttpClient.Builder builder) {
    List<Interceptor> interceptors = builder.interceptors();
    for (Interceptor i : interceptors) {
      if (i.getClass().getName().equals(TracingInterceptor.class.getName())) {
        return;
      }
    }
    interceptors.add(0, INSTANCE);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return OkHttpTracer.intercept(chain);
  }
}
