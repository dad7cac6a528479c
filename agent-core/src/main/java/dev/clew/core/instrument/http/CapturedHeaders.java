package dev.clew.core.instrument.http;

import dev.clew.core.config.Config;
import dev.clew.core.trace.Span;
import java.util.List;
import java.util.Locale;

/**
 * The headers a user chose to record on HTTP spans (e.g. {@code otel.instrumentation.http.server.capture-request-headers}),
 * as {@code http.request.header.<lower-case name>} / {@code http.response.header.<lower-case name>}
 * string-array attributes. Attribute keys are built once, at configuration time.
 */
public final class CapturedHeaders {
  /** Reads every value of one header from a request or response. */
  public interface Reader<C> {
    List<String> values(C carrier, String name);
  }

  /** Records nothing. */
  public static final CapturedHeaders NONE = new CapturedHeaders(new String[0], new String[0]);

  private final String[] names;
  private final String[] attributeKeys;

  private CapturedHeaders(String[] names, String[] attributeKeys) {
    this.names = names;
    this.attributeKeys = attributeKeys;
  }

  /** The headers listed under {@code configKey}; {@code attributePrefix} is e.g. {@code http.request.header.}. */
  public static CapturedHeaders fromConfig(Config config, String configKey, String attributePrefix) {
    List<String> list = config.getList(configKey, java.util.Collections.<String>emptyList());
    if (list.isEmpty()) {
      return NONE;
    }
    String[] names = new String[list.size()];
    String[] keys = new String[list.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = list.get(i).toLowerCase(Locale.ROOT);
      keys[i] = attributePrefix + names[i];
    }
    return new CapturedHeaders(names, keys);
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** Records the configured headers present on {@code carrier}. */
  public <C> void capture(Span span, C carrier, Reader<C> reader) {
    for (int i = 0; i < names.length; i++) {
      List<String> values = reader.values(carrier, names[i]);
      if (values != null && !values.isEmpty()) {
        span.setAttribute(attributeKeys[i], values.toArray(new String[0]));
      }
    }
  }
}
