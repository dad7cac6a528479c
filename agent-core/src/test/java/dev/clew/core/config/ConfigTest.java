package dev.clew.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void systemPropertyWinsOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("clew.properties");
    Files.write(file, Arrays.asList("otel.service.name=from-file", "otel.bsp.max.queue.size=7",
        "clew.debug=true"), StandardCharsets.UTF_8);
    Config c = Config.load(
        env("OTEL_SERVICE_NAME", "from-env", "OTEL_BSP_MAX_QUEUE_SIZE", "9",
            "OTEL_JAVAAGENT_CONFIGURATION_FILE", file.toString()),
        props("otel.service.name", "from-sysprop"));
    assertEquals("from-sysprop", c.getString("otel.service.name", "x"));
    assertEquals(9, c.getInt("otel.bsp.max.queue.size", 2048));
    assertTrue(c.getBoolean("clew.debug", false));
  }

  @Test
  void environmentNamesMapToDottedKeysIncludingDashes() {
    Config c = Config.load(env("OTEL_INSTRUMENTATION_COMMON_DB_STATEMENT_SANITIZER_ENABLED", "false",
        "PATH", "/bin"), props());
    assertFalse(c.getBoolean("otel.instrumentation.common.db-statement-sanitizer.enabled", true));
    assertNull(c.peek("path"), "only OTEL_ and CLEW_ variables are configuration");
  }

  @Test
  void missingOrBlankValuesGiveTheDefault() {
    Config c = Config.of(Collections.singletonMap("otel.service.name", "  "));
    assertEquals("dflt", c.getString("otel.service.name", "dflt"));
    assertEquals(5, c.getLong("clew.absent", 5));
  }

  @Test
  void invalidValuesWarnOnceNamingTheKeyAndUseTheDefault() {
    Map<String, String> raw = new HashMap<>();
    raw.put("otel.traces.sampler.arg", "abc");
    raw.put("clew.debug", "yes please");
    raw.put("otel.bsp.schedule.delay", "soon");
    Config c = Config.of(raw);
    String log = captureStderr(() -> {
      assertEquals(1.0, c.getDouble("otel.traces.sampler.arg", 1.0));
      assertEquals(1.0, c.getDouble("otel.traces.sampler.arg", 1.0));
      assertFalse(c.getBoolean("clew.debug", false));
      assertEquals(5000, c.getDuration("otel.bsp.schedule.delay", 5000));
    });
    assertTrue(log.contains("invalid value 'abc' for otel.traces.sampler.arg"), log);
    assertEquals(1, log.split("otel.traces.sampler.arg", -1).length - 1, "warned once: " + log);
    assertTrue(log.contains("clew.debug"), log);
    assertTrue(log.contains("otel.bsp.schedule.delay"), log);
  }

  @Test
  void durationsTakeUnits() {
    Map<String, String> raw = new HashMap<>();
    raw.put("a", "250");
    raw.put("b", "3s");
    raw.put("c", "2m");
    raw.put("d", "15ms");
    Config c = Config.of(raw);
    assertEquals(250, c.getDuration("a", 0));
    assertEquals(3000, c.getDuration("b", 0));
    assertEquals(120_000, c.getDuration("c", 0));
    assertEquals(15, c.getDuration("d", 0));
  }

  @Test
  void listsAndMapsSkipBlanksAndBadEntries() {
    Map<String, String> raw = new HashMap<>();
    raw.put("otel.propagators", " tracecontext, ,b3 ");
    raw.put("otel.resource.attributes", "team=shop,broken, region = eu ");
    Config c = Config.of(raw);
    assertEquals(Arrays.asList("tracecontext", "b3"), c.getList("otel.propagators", Collections.emptyList()));
    Map<String, String> m = c.getMap("otel.resource.attributes");
    assertEquals("shop", m.get("team"));
    assertEquals("eu", m.get("region"));
    assertEquals(2, m.size());
  }

  @Test
  void instrumentationSwitchesFollowTheCommonDefault() {
    Map<String, String> raw = new HashMap<>();
    raw.put("otel.instrumentation.common.default-enabled", "false");
    raw.put("otel.instrumentation.jdbc.enabled", "true");
    Config c = Config.of(raw);
    assertTrue(c.isInstrumentationEnabled("jdbc", true));
    assertFalse(c.isInstrumentationEnabled("servlet", true));
    assertTrue(Config.of(Collections.<String, String>emptyMap()).isInstrumentationEnabled("servlet", true));
  }

  @Test
  void everyKeyAskedForIsListedWithItsDefault() {
    Config c = Config.of(Collections.singletonMap("otel.service.name", "orders"));
    c.getString("otel.service.name", "unknown_service:java");
    c.getInt("otel.bsp.max.queue.size", 2048);
    Map<String, String> defaults = defaults(c);
    assertEquals("unknown_service:java", defaults.get("otel.service.name"));
    assertEquals("2048", defaults.get("otel.bsp.max.queue.size"));
  }

  @Test
  void validationHelpersWarnOnceNamingTheKeyAndUseTheDefault() {
    Config c = Config.of(env("a.ratio", "1.5", "a.positive", "0", "a.limit", "-1", "a.duration", "-5s",
        "a.timeout", "0", "a.choice", "brotli", "a.rate", "0"));
    String log = captureStderr(() -> {
      assertEquals(0.1, c.getRatio("a.ratio", 0.1));
      assertEquals(7, c.getPositiveInt("a.positive", 7));
      assertEquals(128, c.getNonNegativeInt("a.limit", 128));
      assertEquals(1000, c.getDuration("a.duration", 1000));
      assertEquals(2000, c.getPositiveDuration("a.timeout", 2000));
      assertEquals("none", c.getOneOf("a.choice", "none", "gzip", "none"));
      assertEquals(100.0, c.getPositiveDouble("a.rate", 100));
      assertEquals(0, c.getNonNegativeInt("a.absent", 0));
    });
    assertTrue(log.contains("invalid value '1.5' for a.ratio: expected a ratio from 0 to 1; using 0.1"), log);
    assertTrue(log.contains("invalid value '0' for a.positive: expected a positive integer; using 7"), log);
    assertTrue(log.contains("invalid value '-1' for a.limit: expected 0 or a positive integer; using 128"), log);
    assertTrue(log.contains("invalid value '-5s' for a.duration"), log);
    assertTrue(log.contains("invalid value '0' for a.timeout: expected a positive duration"), log);
    assertTrue(log.contains("invalid value 'brotli' for a.choice: expected one of gzip, none; using none"), log);
    assertTrue(log.contains("invalid value '0' for a.rate: expected a number above 0; using 100.0"), log);
    assertEquals(7, log.split("\n").length, log);
  }

  @Test
  void urlsNeedASchemeAHostAndNoSpacesAndTheWarningHidesCredentials() {
    Config c = Config.of(env("u.spaces", "http://user:PW@collector :4318/?token=abc", "u.noscheme", "collector:4318",
        "u.ftp", "ftp://collector", "u.ok", "https://collector:4318/otlp"));
    String log = captureStderr(() -> {
      assertEquals("http://d", c.getHttpUrl("u.spaces", "http://d"));
      assertEquals("http://d", c.getHttpUrl("u.noscheme", "http://d"));
      assertEquals("http://d", c.getHttpUrl("u.ftp", "http://d"));
      assertEquals("https://collector:4318/otlp", c.getHttpUrl("u.ok", "http://d"));
    });
    assertTrue(log.contains("invalid value 'http://REDACTED:REDACTED@collector :4318/?token=REDACTED' for u.spaces:"
        + " expected a URL without spaces"), log);
    assertFalse(log.contains("PW") || log.contains("abc"), log);
    assertTrue(log.contains("for u.noscheme: expected an http:// or https:// URL such as http://collector:4318 (the "
        + "scheme is missing)"), log);
    assertTrue(log.contains("for u.ftp: expected an http:// or https:// URL"), log);
    assertEquals(3, log.split("\n").length, log);
  }

  @Test
  void defaultsAreListedInTheFormTheReadmeUses() {
    Config c = Config.of(Collections.emptyMap());
    c.getDuration("d.seconds", 5000);
    c.getDuration("d.millis", 250);
    c.getNonNegativeInt("l.unlimited", Integer.MAX_VALUE);
    c.getString("s.none", null);
    c.declare("d.described", "1.0 (ratio)");
    c.getRatio("d.described", 1.0);
    Map<String, String> defaults = defaults(c);
    assertEquals("5s", defaults.get("d.seconds"));
    assertEquals("250ms", defaults.get("d.millis"));
    assertEquals("unlimited", defaults.get("l.unlimited"));
    assertEquals("", defaults.get("s.none"));
    assertEquals("1.0 (ratio)", defaults.get("d.described"));
  }

  @Test
  void internalKeysAreNeitherListedNorUnknown() {
    Config c = Config.of(Collections.singletonMap("clew.testing.sink", "true"));
    assertTrue(c.getBoolean("clew.testing.sink", false));
    assertTrue(c.options().isEmpty());
    assertTrue(Config.isInternal("clew.testing.sink") && Config.isInternal("clew.agent.classpath"));
    assertFalse(Config.isInternal("clew.debug"));
  }

  private static Map<String, String> defaults(Config c) {
    Map<String, String> defaults = new HashMap<>();
    for (Config.Option o : c.options()) {
      defaults.put(o.key, o.defaultValue);
    }
    return defaults;
  }

  private static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true));
    try {
      dev.clew.core.log.AgentLog.setOutput(System.err);
      r.run();
    } finally {
      System.setErr(old);
      dev.clew.core.log.AgentLog.setOutput(old);
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }
}
