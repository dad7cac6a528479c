package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Collections;
import java.util.List;

/**
 * CLIENT spans for {@code java.net.http.HttpClient} {@code send} and {@code sendAsync} (Java 11+).
 * One span per call: redirects and retries the client performs itself are inside it, and it reports
 * the final response. The span ends when the response or the failure arrives; the future returned by
 * {@code sendAsync} completes with the caller's context current, so its callbacks see it.
 */
public final class JavaHttpClientInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  public JavaHttpClientInstrumentationModule() {
    super("java-http-client");
  }

  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Collections.<TypeInstrumentation>singletonList(new HttpClientInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Collections.singletonList("java.net.http.HttpClient#sendAsync");
  }
}
