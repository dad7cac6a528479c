package dev.clew.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar clew-agent.jar config} on the shaded jar, against the README's configuration tables: the
 * same keys with the same defaults, none reported unused when set, no internal key, and no secret shown.
 */
class ConfigCommandIT {
  private static final Path README = Path.of("..", "README.md");
  private static final String FLAGGED = "set, but no clew component reads them";

  /** The listing's rows: key to {value, default}. */
  private static Map<String, String[]> rows(String out) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(0).matches("KEY +VALUE +DEFAULT"), out);
    for (String line : lines.subList(1, lines.indexOf(""))) {
      String[] cols = line.split(" {2,}", 3);
      assertEquals(3, cols.length, line);
      rows.put(cols[0], new String[] {cols[1], cols[2]});
    }
    return rows;
  }

  private static AgentJvm.Result config(AgentJvm jvm) throws Exception {
    AgentJvm.Result r = jvm.run(Duration.ofSeconds(120));
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  @Test
  void listsExactlyTheReadmeKeysWithTheReadmeDefaults() throws Exception {
    Map<String, String> readme = ReadmeConfigTables.read(README);
    assertTrue(readme.size() > 60, "the README tables were not read: " + readme);
    AgentJvm.Result r = config(AgentJvm.cli("config").property("clew.testing.sink", "true"));
    Map<String, String[]> listed = rows(r.stdout());

    assertEquals(new TreeSet<>(readme.keySet()), new TreeSet<>(listed.keySet()),
        "keys in the README tables vs keys `config` lists");
    List<String> wrong = new ArrayList<>();
    readme.forEach((key, readmeDefault) -> {
      String shown = listed.get(key)[1];
      if (!shown.equals(readmeDefault)) {
        wrong.add(key + ": README says '" + readmeDefault + "', config says '" + shown + "'");
      }
    });
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertFalse(r.stdout().contains("clew.testing"), "internal keys are not listed:\n" + r.stdout());
    assertFalse(r.stdout().contains(FLAGGED), r.stdout());
    assertTrue(r.stdout().contains(readme.size() + " keys."), r.stdout());
  }

  @Test
  void noReadmeKeyIsReportedUnusedWhenSet() throws Exception {
    AgentJvm jvm = AgentJvm.cli("config");
    for (Map.Entry<String, String> e : ReadmeConfigTables.read(README).entrySet()) {
      jvm.property(e.getKey(), sample(e.getKey(), e.getValue()));
    }
    // the other names of modules, and keys given as environment variables with dashes in them
    jvm.property("otel.instrumentation.servlet.enabled", "true").property("otel.instrumentation.kafka.enabled", "true")
        .property("otel.instrumentation.apache-httpclient-4.5.enabled", "true")
        .env("CLEW_KAFKA_MESSAGE_KEY_ENABLED", "true").env("OTEL_TRACES_SAMPLER_ARG", "0.5");
    AgentJvm.Result r = config(jvm);
    assertFalse(r.stdout().contains(FLAGGED), r.stdout());
    Map<String, String[]> listed = rows(r.stdout());
    assertEquals("0.25", listed.get("otel.traces.sampler.arg")[0], "a system property wins over the environment");
    assertEquals("true", listed.get("clew.servlet.traceresponse")[0]);
    assertEquals("true", listed.get("otel.instrumentation.servlet.enabled")[0]);
  }

  /** A valid value for each key, so the run reads them all without warnings in the way. */
  private static String sample(String key, String readmeDefault) {
    switch (key) {
      case "otel.traces.sampler.arg":
        return "0.25";
      case "otel.span.attribute.value.length.limit":
      case "otel.attribute.value.length.limit":
        return "4096";
      case "otel.traces.exporter":
        return "none";
      case "clew.servlet.traceresponse":
        return "true";
      case "otel.exporter.otlp.traces.endpoint":
        return "http://127.0.0.1:4318/v1/traces";
      case "otel.exporter.otlp.traces.protocol":
        return "http/json";
      case "otel.exporter.otlp.traces.compression":
        return "gzip";
      case "otel.exporter.otlp.traces.timeout":
        return "3s";
      default:
        return readmeDefault.equals("-") ? "x" : readmeDefault;
    }
  }

  @Test
  void secretsAreMaskedInValuesAndInUnknownKeys() throws Exception {
    AgentJvm.Result r = config(AgentJvm.cli("config")
        .env("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer X-general-token")
        .property("otel.exporter.otlp.traces.headers", "api-key=s3cr3t-specific,x-team=shop")
        .property("otel.exporter.otlp.endpoint", "http://user:PW-in-url@collector:4318/?token=tok-in-query&a=1")
        .property("otel.exporter.otlp.header", "authorization=Bearer misspelled-token"));
    String out = r.stdout() + r.stderr();
    for (String secret : List.of("X-general-token", "s3cr3t-specific", "PW-in-url", "tok-in-query",
        "misspelled-token", "user:")) {
      assertFalse(out.contains(secret), secret + " shown:\n" + out);
    }
    Map<String, String[]> listed = rows(r.stdout());
    assertEquals("authorization=REDACTED", listed.get("otel.exporter.otlp.headers")[0]);
    assertEquals("api-key=REDACTED,x-team=REDACTED", listed.get("otel.exporter.otlp.traces.headers")[0]);
    assertEquals("http://REDACTED:REDACTED@collector:4318/?token=REDACTED&a=1",
        listed.get("otel.exporter.otlp.endpoint")[0]);
    assertTrue(r.stdout().contains(FLAGGED) && r.stdout().contains("  otel.exporter.otlp.header = authorization=REDACTED"),
        r.stdout());
  }
}
