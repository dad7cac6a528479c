package dev.clew.core.export.http;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.io.UnsupportedEncodingException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * Reads the settings of an HTTP exporter from keys under a prefix, with an optional signal-specific
 * prefix that takes precedence key by key, as in the OpenTelemetry SDK
 * ({@code otel.exporter.otlp.traces.timeout} over {@code otel.exporter.otlp.timeout}). Both keys of a
 * setting are always read, so both are listed, and neither is reported unused when the other is set.
 */
public final class HttpExporterConfig {
  private final Config config;
  private final String specific; // e.g. otel.exporter.otlp.traces, may be null
  private final String general; // e.g. otel.exporter.otlp

  public HttpExporterConfig(Config config, String specific, String general) {
    this.config = config;
    this.specific = specific;
    this.general = general;
  }

  /** The key that is in force for a setting: the signal-specific one when set. */
  public String key(String setting) {
    if (specific != null && config.isSet(specific + "." + setting)) {
      return specific + "." + setting;
    }
    return general + "." + setting;
  }

  /** The signal-specific key, listed with no default of its own (it falls back to the general key). */
  private String specificKey(String setting) {
    String k = specific + "." + setting;
    config.declare(k, "");
    return k;
  }

  public String string(String setting, String defaultValue) {
    String v = config.getString(general + "." + setting, defaultValue);
    return specific == null ? v : config.getString(specificKey(setting), v);
  }

  /** One of the allowed values, for the specific key then the general one. */
  public String oneOf(String setting, String defaultValue, String... allowed) {
    String v = config.getOneOf(general + "." + setting, defaultValue, allowed);
    return specific == null ? v : config.getOneOf(specificKey(setting), v, allowed);
  }

  public long millis(String setting, long defaultMillis) {
    long v = config.getPositiveDuration(general + "." + setting, defaultMillis);
    return specific == null ? v : config.getPositiveDuration(specificKey(setting), v);
  }

  /** {@code gzip} or {@code none}. */
  public boolean gzip(boolean defaultGzip) {
    return "gzip".equals(oneOf("compression", defaultGzip ? "gzip" : "none", "gzip", "none"));
  }

  /**
   * {@code k1=v1,k2=v2} with percent-encoded values (W3C baggage syntax, as the SDK reads it). The
   * signal-specific key replaces the general one as a whole. Values are never logged: they are often
   * credentials.
   */
  public Map<String, String> headers() {
    String raw = string("headers", "");
    Map<String, String> out = new LinkedHashMap<>();
    int skipped = 0;
    for (String part : raw.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        skipped++;
        continue;
      }
      String name = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      try {
        value = URLDecoder.decode(value.replace("+", "%2B"), "UTF-8");
      } catch (UnsupportedEncodingException | IllegalArgumentException e) {
        // keep the value as written
      }
      out.put(name, value);
    }
    if (skipped > 0) {
      AgentLog.warn(key("headers") + " has " + skipped + " entr" + (skipped == 1 ? "y" : "ies")
          + " without '=' (expected name=value pairs separated by commas); skipped");
    }
    return out;
  }

  /** A trust store from the PEM file of {@code certificate}, or null for the JDK default. */
  public SSLSocketFactory trust() {
    String path = string("certificate", null);
    if (path == null) {
      return null;
    }
    try {
      return PemTrust.socketFactory(path);
    } catch (Exception e) {
      AgentLog.warn("cannot use the certificate file " + path + " (" + key("certificate") + "): " + e
          + "; using the JDK's default trust store");
      return null;
    }
  }

  /** A URL {@link Config#getHttpUrl} has validated. */
  public static URL url(String validated) {
    try {
      return new URL(validated);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a URL: " + validated, e);
    }
  }
}
