package dev.clew.instrumentation.apachehttpclient4;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Collections;
import java.util.List;

/**
 * CLIENT spans for Apache HttpClient 4.5 ({@code CloseableHttpClient}). Every {@code execute} variant
 * ends in {@code doExecute}, which is instrumented: one span per logical call, with the client's
 * retries and redirects inside it, reporting the final response; it ends when {@code doExecute}
 * returns the response (its body may still be unread). The library's classes are Java 6 class
 * files; the installer upgrades them so the advice's {@code invokedynamic} is valid.
 */
public final class ApacheHttpClient4InstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  public ApacheHttpClient4InstrumentationModule() {
    super("apache-httpclient", "apache-httpclient-4.5");
  }

  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Collections.<TypeInstrumentation>singletonList(new ClientInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Collections.singletonList("org.apache.http.client.methods.HttpUriRequest#getURI");
  }
}
