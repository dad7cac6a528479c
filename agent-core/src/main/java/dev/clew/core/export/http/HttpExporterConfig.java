package dev.clew.core.export.http;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.io.UnsupportedEncodingException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * Reads the settings of an HTTP exporter from keys under a prefix, with an optional signal-specific
 * prefix that takes precedence key by key, as in the OpenTelemetry SDK
 * ({@code otel.exporter.otlp.traces.timeout} over {@code otel.exporter.otlp.timeout}).
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

  public String string(String setting, String defaultValue) {
    return config.getString(key(setting), defaultValue);
  }

  public long millis(String setting, long defaultMillis) {
    String k = key(setting);
    long v = config.getMillis(k, defaultMillis);
    if (v <= 0) {
      AgentLog.warn("invalid value '" + v + "' for " + k + ": expected a positive duration; using "
          + defaultMillis + "ms");
      return defaultMillis;
    }
    return v;
  }

  /** {@code gzip} or {@code none}. */
  public boolean gzip(boolean defaultGzip) {
    String k = key("compression");
    String v = config.getString(k, defaultGzip ? "gzip" : "none").toLowerCase(Locale.ROOT);
    if ("gzip".equals(v)) {
      return true;
    }
    if ("none".equals(v)) {
      return false;
    }
    AgentLog.warn("invalid value '" + v + "' for " + k + ": expected gzip or none; using "
        + (defaultGzip ? "gzip" : "none"));
    return defaultGzip;
  }

  /**
   * {@code k1=v1,k2=v2} with percent-encoded values (W3C baggage syntax, as the SDK reads it). Values
   * are never logged: they are often credentials.
   */
  public Map<String, String> headers() {
    String k = key("headers");
    String raw = config.getString(k, "");
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
      AgentLog.warn(k + " has " + skipped + " entr" + (skipped == 1 ? "y" : "ies")
          + " without '=' (expected name=value pairs separated by commas); skipped");
    }
    return out;
  }

  /** A trust store from the PEM file of {@code certificate}, or null for the JDK default. */
  public SSLSocketFactory trust() {
    String k = key("certificate");
    String path = config.getString(k, null);
    if (path == null) {
      return null;
    }
    try {
      return PemTrust.socketFactory(path);
    } catch (Exception e) {
      AgentLog.warn("cannot use the certificate file " + path + " (" + k + "): " + e
          + "; using the JDK's default trust store");
      return null;
    }
  }

  /** An http(s) URL, or the default with a warning naming the key. */
  public static URL url(String key, String value, String defaultValue) {
    try {
      URL u = new URL(value);
      String scheme = u.getProtocol();
      if (("http".equals(scheme) || "https".equals(scheme)) && !u.getHost().isEmpty()) {
        return u;
      }
    } catch (MalformedURLException e) {
      // warned below
    }
    AgentLog.warn("invalid value '" + value + "' for " + key + ": expected an http:// or https:// URL; using "
        + defaultValue);
    try {
      return new URL(defaultValue);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
