package dev.clew.core.config;

import dev.clew.core.log.AgentLog;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
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
 *
 * <p>Every component reads its keys through the {@code Config} it is handed, when the agent starts: the
 * {@code config} command makes the same components read the same keys and lists them with their defaults.
 * The typed getters validate: a value that does not parse, or is out of range, logs one warning naming
 * the key (its value masked by {@link Redactor}) and the default used.
 */
public final class Config {
  /** The file with more configuration, read by {@link #load}. */
  public static final String CONFIGURATION_FILE_KEY = "otel.javaagent.configuration-file";
  /** Set by the test harness and the agent's launcher, not by users: never listed, never flagged. */
  private static final String[] INTERNAL_PREFIXES = {"clew.testing.", "clew.agent.classpath"};

  private final Map<String, String> values; // normalised key -> value, highest precedence wins
  private final Map<String, String> spellings; // normalised key -> the key as the user wrote it
  private final Map<String, Option> seen = new ConcurrentHashMap<>();
  private final Set<String> warned = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /** A key that has been asked for, with the default as shown to users; listed by the {@code config} command. */
  public static final class Option {
    public final String key;
    public final String defaultValue;

    Option(String key, String defaultValue) {
      this.key = key;
      this.defaultValue = defaultValue;
    }
  }

  private Config(Map<String, String> values, Map<String, String> spellings) {
    this.values = values;
    this.spellings = spellings;
  }

  /** Reads system properties, the environment and the optional configuration file. */
  public static Config load() {
    return load(System.getenv(), System.getProperties());
  }

  /** As {@link #load()}, from the given environment and system properties. */
  static Config load(Map<String, String> env, Properties sys) {
    Map<String, String> merged = new LinkedHashMap<>();
    Map<String, String> spellings = new LinkedHashMap<>();
    String file = sys.getProperty(CONFIGURATION_FILE_KEY);
    if (file == null) {
      file = env.get("OTEL_JAVAAGENT_CONFIGURATION_FILE");
    }
    if (file != null && !file.trim().isEmpty()) {
      Properties fromFile = new Properties();
      try (InputStream in = new FileInputStream(file.trim())) {
        fromFile.load(in);
        for (String k : fromFile.stringPropertyNames()) {
          put(merged, spellings, k, fromFile.getProperty(k));
        }
      } catch (IOException e) {
        AgentLog.warn("cannot read configuration file " + file + " (" + CONFIGURATION_FILE_KEY + "): " + e);
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("OTEL_") || k.startsWith("CLEW_")) {
        put(merged, spellings, k, e.getValue());
      }
    }
    for (String k : sys.stringPropertyNames()) {
      if (k.startsWith("otel.") || k.startsWith("clew.")) {
        put(merged, spellings, k, sys.getProperty(k));
      }
    }
    Config config = new Config(merged, spellings);
    config.getString(CONFIGURATION_FILE_KEY, null); // read above, before there was a Config: listed all the same
    return config;
  }

  private static void put(Map<String, String> values, Map<String, String> spellings, String key, String value) {
    String k = normalize(key);
    values.put(k, value);
    spellings.put(k, key);
  }

  /** A configuration from explicit values only, for tests and tools. */
  public static Config of(Map<String, String> raw) {
    Map<String, String> m = new LinkedHashMap<>();
    Map<String, String> spellings = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      put(m, spellings, e.getKey(), e.getValue());
    }
    return new Config(m, spellings);
  }

  public static String normalize(String key) {
    return key.trim().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  /** Keys for the agent's own machinery and tests, which the listing neither shows nor flags. */
  public static boolean isInternal(String key) {
    String k = normalize(key);
    for (String p : INTERNAL_PREFIXES) {
      if (k.startsWith(normalize(p))) {
        return true;
      }
    }
    return false;
  }

  private String raw(String key, String shownDefault) {
    if (!isInternal(key)) {
      seen.putIfAbsent(key, new Option(key, shownDefault == null ? "" : shownDefault));
    }
    String v = values.get(normalize(key));
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }

  /**
   * Lists a key with a default described in words, for a key whose default depends on another setting
   * ({@code otel.traces.sampler.arg}: {@code 1.0} for a ratio, {@code 100} for a rate limit). Reading
   * the key later keeps this description.
   */
  public void declare(String key, String shownDefault) {
    raw(key, shownDefault);
  }

  public String getString(String key, String defaultValue) {
    String v = raw(key, defaultValue);
    return v == null ? defaultValue : v;
  }

  /** The first key that is set, else the default; for settings with an alias. */
  public String getString(String key, String alias, String defaultValue) {
    String v = raw(key, defaultValue);
    String a = raw(alias, defaultValue);
    return v != null ? v : a != null ? a : defaultValue;
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

  /**
   * One of {@code allowed} (compared ignoring case, returned as written in {@code allowed}), else the
   * default with a warning that lists the choices.
   */
  public String getOneOf(String key, String defaultValue, String... allowed) {
    String v = raw(key, defaultValue);
    if (v == null) {
      return defaultValue;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) {
        return a;
      }
    }
    invalid(key, v, "one of " + String.join(", ", allowed), defaultValue);
    return defaultValue;
  }

  public int getInt(String key, int defaultValue) {
    return (int) integer(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer");
  }

  /**
   * An integer from 1 up. A default of {@link Integer#MAX_VALUE} means no limit and is shown as
   * {@code unlimited}, as for every int getter.
   */
  public int getPositiveInt(String key, int defaultValue) {
    return (int) integer(key, defaultValue, 1, Integer.MAX_VALUE, "a positive integer");
  }

  /** An integer from 0 up (limits, where 0 means none allowed). */
  public int getNonNegativeInt(String key, int defaultValue) {
    return (int) integer(key, defaultValue, 0, Integer.MAX_VALUE, "0 or a positive integer");
  }

  public long getLong(String key, long defaultValue) {
    return integer(key, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
  }

  public long getPositiveLong(String key, long defaultValue) {
    return integer(key, defaultValue, 1, Long.MAX_VALUE, "a positive integer");
  }

  private long integer(String key, long defaultValue, long min, long max, String expected) {
    String shown = defaultValue == Integer.MAX_VALUE ? "unlimited" : Long.toString(defaultValue);
    String v = raw(key, shown);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // warned below
    }
    invalid(key, v, expected, shown);
    return defaultValue;
  }

  public double getDouble(String key, double defaultValue) {
    return number(key, defaultValue, -Double.MAX_VALUE, false, Double.MAX_VALUE, "a number");
  }

  /** A number from 0 to 1, both included. */
  public double getRatio(String key, double defaultValue) {
    return number(key, defaultValue, 0, false, 1, "a ratio from 0 to 1");
  }

  /** A number above 0. */
  public double getPositiveDouble(String key, double defaultValue) {
    return number(key, defaultValue, 0, true, Double.MAX_VALUE, "a number above 0");
  }

  private double number(String key, double defaultValue, double min, boolean minExcluded, double max,
      String expected) {
    String shown = String.valueOf(defaultValue);
    String v = raw(key, shown);
    if (v == null) {
      return defaultValue;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isNaN(d) && (minExcluded ? d > min : d >= min) && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // warned below
    }
    invalid(key, v, expected, shown);
    return defaultValue;
  }

  /**
   * A duration in milliseconds, 0 or more. A bare number is milliseconds; the units {@code ms}, {@code s},
   * {@code m}, {@code h} and {@code d} are accepted, as in the OpenTelemetry SDK configuration.
   */
  public long getDuration(String key, long defaultMillis) {
    return duration(key, defaultMillis, 0, "a duration such as 500ms, 5s or 1m");
  }

  /** As {@link #getDuration}, above 0 (timeouts, intervals). */
  public long getPositiveDuration(String key, long defaultMillis) {
    return duration(key, defaultMillis, 1, "a positive duration such as 500ms, 5s or 1m");
  }

  private long duration(String key, long defaultMillis, long min, String expected) {
    String shown = formatDuration(defaultMillis);
    String v = raw(key, shown);
    if (v == null) {
      return defaultMillis;
    }
    long millis = parseDuration(v);
    if (millis >= min) {
      return millis;
    }
    invalid(key, v, expected, shown);
    return defaultMillis;
  }

  /** Milliseconds, or -1 when the text is not a duration. */
  static long parseDuration(String value) {
    String s = value.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 18) {
      return -1;
    }
    long factor;
    switch (s.substring(i).trim()) {
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
        return -1;
    }
    long n = Long.parseLong(s.substring(0, i));
    return n > Long.MAX_VALUE / factor ? -1 : n * factor;
  }

  /** {@code 5s} for 5000, {@code 250ms} for 250: the form the README and the listing use. */
  public static String formatDuration(long millis) {
    return millis != 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /**
   * An absolute {@code http://} or {@code https://} URL with a host and no white space, else the default
   * with a warning (the value masked: endpoints may carry credentials).
   */
  public String getHttpUrl(String key, String defaultValue) {
    String v = raw(key, defaultValue);
    if (v == null) {
      return defaultValue;
    }
    String problem = urlProblem(v);
    if (problem == null) {
      return v;
    }
    invalid(key, v, problem, defaultValue);
    return defaultValue;
  }

  private static String urlProblem(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isWhitespace(v.charAt(i))) {
        return "a URL without spaces (percent-encode them as %20)";
      }
    }
    String example = "an http:// or https:// URL such as http://collector:4318";
    int scheme = v.indexOf("://");
    if (scheme < 0) {
      return example + " (the scheme is missing)";
    }
    String s = v.substring(0, scheme).toLowerCase(Locale.ROOT);
    if (!s.equals("http") && !s.equals("https")) {
      return example;
    }
    try {
      URL u = new URL(v);
      return u.getHost().isEmpty() ? example + " (the host is missing)" : null;
    } catch (MalformedURLException e) {
      return example;
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

  /** Keys asked for so far, sorted. */
  public List<Option> options() {
    List<Option> list = new ArrayList<>(seen.values());
    list.sort((a, b) -> a.key.compareTo(b.key));
    return list;
  }

  /** Normalised keys that have a value from any source (system property, environment, file). */
  public Set<String> setKeys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** A set key as the user wrote it ({@code OTEL_SERVICE_NAME}, {@code clew.kafka.message-key.enabled}). */
  public String spelling(String key) {
    String s = spellings.get(normalize(key));
    return s == null ? key : s;
  }

  /** The configured value of a key exactly as given (trimmed), or null; no default recorded. */
  public String peek(String key) {
    String v = values.get(normalize(key));
    return v == null ? null : v.trim();
  }

  /** A value as it may be shown in a listing or a log: secrets masked ({@link Redactor}). */
  public String shown(String key, String value) {
    return Redactor.forDisplay(this).maskConfigValue(key, value);
  }

  private void invalid(String key, String value, String expected, String used) {
    if (warned.add(key)) {
      AgentLog.warn("invalid value '" + shown(key, value) + "' for " + key + ": expected " + expected + "; using "
          + (used == null || used.isEmpty() ? "none" : shown(key, used)));
    }
  }
}
