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
      assertEquals(5000, c.getMillis("otel.bsp.schedule.delay", 5000));
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
    assertEquals(250, c.getMillis("a", 0));
    assertEquals(3000, c.getMillis("b", 0));
    assertEquals(120_000, c.getMillis("c", 0));
    assertEquals(15, c.getMillis("d", 0));
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
    Map<String, String> defaults = new HashMap<>();
    for (Config.Option o : c.options()) {
      defaults.put(o.key, o.defaultValue);
    }
    assertEquals("unknown_service:java", defaults.get("otel.service.name"));
    assertEquals("2048", defaults.get("otel.bsp.max.queue.size"));
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
