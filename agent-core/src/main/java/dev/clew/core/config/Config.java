package dev.clew.core.config;

import dev.clew.core.log.AgentLog;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent configuration. Keys use the OpenTelemetry names where one exists and {@code clew.*} otherwise.
 * Lookup order: system property, then environment variable ({@code OTEL_SERVICE_NAME} for
 * {@code otel.service.name}), then the file named by {@code otel.javaagent.configuration-file}.
 * Keys are compared normalised: lower case, with {@code -} and {@code _} read as {@code .}.
 * A value that does not parse logs one warning naming the key and the default used.
 */
public final class Config {
  private final Map<String, String> values; // normalised key -> value, highest precedence wins
  private final Map<String, Option> seen = new ConcurrentHashMap<>();
  private final Set<String> warned = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /** A key that has been asked for, with the default the asker used; listed by the {@code config} command. */
  public static final class Option {
    public final String key;
    public final String defaultValue;

    Option(String key, String defaultValue) {
      this.key = key;
      this.defaultValue = defaultValue;
    }
  }

  private static volatile Config global = new Config(new LinkedHashMap<String, String>());

  private Config(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The configuration the agent started with, for helpers that read settings when the application
   * runs (e.g. which HTTP headers to capture); empty before the agent starts.
   */
  public static Config global() {
    return global;
  }

  public static void setGlobal(Config config) {
    global = config;
  }

  /** Reads system properties, the environment and the optional configuration file. */
  public static Config load() {
    return load(System.getenv(), System.getProperties());
  }

  /** As {@link #load()}, from the given environment and system properties. */
  static Config load(Map<String, String> env, Properties sys) {
    Map<String, String> merged = new LinkedHashMap<>();
    String file = sys.getProperty("otel.javaagent.configuration-file");
    if (file == null) {
      file = env.get("OTEL_JAVAAGENT_CONFIGURATION_FILE");
    }
    if (file != null && !file.trim().isEmpty()) {
      Properties fromFile = new Properties();
      try (InputStream in = new FileInputStream(file.trim())) {
        fromFile.load(in);
        for (String k : fromFile.stringPropertyNames()) {
          merged.put(normalize(k), fromFile.getProperty(k));
        }
      } catch (IOException e) {
        AgentLog.warn("cannot read configuration file " + file + " (otel.javaagent.configuration-file): " + e);
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("OTEL_") || k.startsWith("CLEW_")) {
        merged.put(normalize(k), e.getValue());
      }
    }
    for (String k : sys.stringPropertyNames()) {
      if (k.startsWith("otel.") || k.startsWith("clew.")) {
        merged.put(normalize(k), sys.getProperty(k));
      }
    }
    return new Config(merged);
  }

  /** A configuration from explicit values only, for tests and tools. */
  public static Config of(Map<String, String> raw) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      m.put(normalize(e.getKey()), e.getValue());
    }
    return new Config(m);
  }

  public static String normalize(String key) {
    return key.trim().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  private String raw(String key, String defaultForListing) {
    seen.putIfAbsent(key, new Option(key, defaultForListing));
    String v = values.get(normalize(key));
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }

  public String getString(String key, String defaultValue) {
    String v = raw(key, defaultValue);
    return v == null ? defaultValue : v;
  }

  /** The first key that is set, else the default; for settings with an alias. */
  public String getString(String key, String alias, String defaultValue) {
    String v = raw(key, defaultValue);
    if (v == null) {
      v = raw(alias, defaultValue);
    }
    return v == null ? defaultValue : v;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = raw(key, String.valueOf(defaultValue));
    if (v == null) {
      return defaultValue;
    }
    if ("true".equalsIgnoreCase(v)) {
      return true;
    }
    if ("false".equalsIgnoreCase(v)) {
      return false;
    }
    invalid(key, v, "true or false", String.valueOf(defaultValue));
    return defaultValue;
  }

  public int getInt(String key, int defaultValue) {
    long v = getLong(key, defaultValue);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      invalid(key, String.valueOf(v), "a 32-bit integer", String.valueOf(defaultValue));
      return defaultValue;
    }
    return (int) v;
  }

  public long getLong(String key, long defaultValue) {
    String v = raw(key, String.valueOf(defaultValue));
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      invalid(key, v, "an integer", String.valueOf(defaultValue));
      return defaultValue;
    }
  }

  public double getDouble(String key, double defaultValue) {
    String v = raw(key, String.valueOf(defaultValue));
    if (v == null) {
      return defaultValue;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      invalid(key, v, "a number", String.valueOf(defaultValue));
      return defaultValue;
    }
  }

  /**
   * A duration in milliseconds. A bare number is milliseconds; the units {@code ms}, {@code s},
   * {@code m}, {@code h} and {@code d} are accepted, as in the OpenTelemetry SDK configuration.
   */
  public long getMillis(String key, long defaultMillis) {
    String v = raw(key, defaultMillis + "ms");
    if (v == null) {
      return defaultMillis;
    }
    String s = v.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    String unit = s.substring(i).trim();
    try {
      long n = Long.parseLong(s.substring(0, i));
      long factor;
      switch (unit) {
        case "":
        case "ms":
          factor = 1;
          break;
        case "s":
          factor = 1000;
          break;
        case "m":
          factor = 60_000;
          break;
        case "h":
          factor = 3_600_000;
          break;
        case "d":
          factor = 86_400_000;
          break;
        default:
          throw new NumberFormatException();
      }
      return n * factor;
    } catch (NumberFormatException e) {
      invalid(key, v, "a duration such as 500, 500ms or 5s", defaultMillis + "ms");
      return defaultMillis;
    }
  }

  /** A comma-separated list; blank entries dropped. */
  public List<String> getList(String key, List<String> defaultValue) {
    String v = raw(key, String.join(",", defaultValue));
    if (v == null) {
      return defaultValue;
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** {@code k1=v1,k2=v2}; an entry without {@code =} is warned about and skipped. */
  public Map<String, String> getMap(String key) {
    String v = raw(key, "");
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    for (String part : v.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        invalid(key, p, "key=value pairs separated by commas", "(entry skipped)");
        continue;
      }
      out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    return out;
  }

  /**
   * Whether instrumentation {@code name} is on: {@code otel.instrumentation.<name>.enabled}, else
   * {@code otel.instrumentation.common.default-enabled}, else the module's own default.
   */
  public boolean isInstrumentationEnabled(String name, boolean moduleDefault) {
    boolean common = getBoolean("otel.instrumentation.common.default-enabled", moduleDefault);
    return getBoolean("otel.instrumentation." + name + ".enabled", common);
  }

  /** Whether any value is set for the key. */
  public boolean isSet(String key) {
    return values.containsKey(normalize(key));
  }

  /** Keys asked for so far, in the order they were first asked for. */
  public List<Option> options() {
    List<Option> list = new ArrayList<>(seen.values());
    list.sort((a, b) -> a.key.compareTo(b.key));
    return list;
  }

  /** Normalised keys that have a value from any source (system property, environment, file). */
  public Set<String> setKeys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** The configured value of a key exactly as given (trimmed), or null; no default recorded. */
  public String peek(String key) {
    String v = values.get(normalize(key));
    return v == null ? null : v.trim();
  }

  private void invalid(String key, String value, String expected, String used) {
    if (warned.add(key)) {
      AgentLog.warn("invalid value '" + value + "' for " + key + ": expected " + expected + "; using " + used);
    }
  }
}
