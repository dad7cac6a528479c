package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Arrays;
import java.util.List;

/**
 * CLIENT spans for Apache HttpClient 5.x, classic ({@code CloseableHttpClient}) and async
 * ({@code CloseableHttpAsyncClient}). Every {@code execute} variant ends in {@code doExecute}, which is
 * instrumented: one span per logical call, with the client's retries and redirects (its exec chain)
 * inside it, reporting the final response. Classic: the span ends when {@code doExecute} returns the
 * response (its body may still be unread). Async: it starts when the request producer emits the request
 * and ends when the future callback is told the outcome; the callback runs in the caller's context.
 */
public final class ApacheHttpClient5InstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  public ApacheHttpClient5InstrumentationModule() {
    super("apache-httpclient", "apache-httpclient-5.0");
  }

  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Arrays.<TypeInstrumentation>asList(new ClassicClientInstrumentation(), new AsyncClientInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Arrays.asList("org.apache.hc.core5.http.HttpRequest#getAuthority",
        "org.apache.hc.core5.http.nio.RequestChannel#sendRequest");
  }
}
