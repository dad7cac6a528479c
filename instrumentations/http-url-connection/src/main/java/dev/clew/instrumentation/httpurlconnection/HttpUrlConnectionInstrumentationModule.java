package dev.clew.instrumentation.httpurlconnection;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Collections;
import java.util.List;

/**
 * CLIENT spans for {@link java.net.HttpURLConnection} (HTTP and HTTPS). The span starts at the first
 * of {@code connect}, {@code getOutputStream}, {@code getInputStream} or {@code getResponseCode} and
 * ends when the response status is known ({@code getInputStream} or {@code getResponseCode} returns or
 * throws), so a body that is never read does not keep it open. One span per connection: redirects
 * the connection follows itself are inside it and it reports the final status.
 *
 * <p>The JDK loads these classes before the agent: they are retransformed, and the advice runs in the
 * advice loader made for the bootstrap loader.
 */
public final class HttpUrlConnectionInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  public HttpUrlConnectionInstrumentationModule() {
    super("http-url-connection");
  }

  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Collections.<TypeInstrumentation>singletonList(new HttpUrlConnectionInstrumentation());
  }
}
