package dev.clew.instrumentation.okhttp;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Arrays;
import java.util.List;

/**
 * CLIENT spans for OkHttp 4.x and 5.x ({@code Call.execute} and {@code Call.enqueue}). Every client
 * gets a {@link TracingInterceptor} as its first application interceptor: one span per logical call,
 * with OkHttp's own retries and redirects (which run below the application interceptors) inside it,
 * reporting the final response. The span ends when the response headers arrive. {@code enqueue}
 * records the caller's context for the dispatcher thread and runs the callback in it.
 */
public final class OkHttpInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  public OkHttpInstrumentationModule() {
    super("okhttp", "okhttp-4.0");
  }

  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Arrays.<TypeInstrumentation>asList(new OkHttpClientInstrumentation(), new CallInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Arrays.asList("okhttp3.OkHttpClient$Builder#interceptors", "okhttp3.Interceptor$Chain#call",
        "okhttp3.Response#protocol");
  }
}
