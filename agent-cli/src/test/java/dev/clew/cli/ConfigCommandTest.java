package dev.clew.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code config}: every key the components ask for, sorted, with value and default; unknown keys flagged. */
class ConfigCommandTest {
  @AfterEach
  void clear() {
    System.clearProperty("clew.exporter.file.path");
    System.clearProperty("otel.traces.exporter");
    System.clearProperty("otel.servce.name");
  }

  @Test
  void listsEveryKeyAskedForWithItsValueAndDefault() {
    System.setProperty("otel.traces.exporter", "none");
    System.setProperty("clew.exporter.file.path", "/tmp/clew-config-test-never-written.jsonl");
    System.setProperty("otel.servce.name", "typo");
    String out = WaterfallTest.run("config");
    List<String> lines = out.lines().collect(Collectors.toList());
    assertTrue(lines.get(0).matches("KEY +VALUE +DEFAULT"), lines.get(0));
    List<String> keys = lines.subList(1, lines.indexOf("")).stream().map(l -> l.split(" +")[0])
        .collect(Collectors.toList());
    assertEquals(keys.stream().sorted().collect(Collectors.toList()), keys, "sorted");
    assertEquals(keys.stream().distinct().count(), keys.size(), "each key once");
    // keys from the tracer provider, the batch processor, every exporter (chosen or not), the sampler, the starter
    for (String k : List.of("otel.exporter.otlp.endpoint", "otel.exporter.otlp.protocol", "otel.exporter.zipkin.endpoint",
        "otel.service.name", "otel.traces.exporter", "otel.traces.sampler", "otel.propagators",
        "otel.bsp.schedule.delay", "clew.exporter.file.path", "clew.exporter.file.max-size",
        "clew.exporter.file.max-files", "otel.javaagent.enabled", "clew.shutdown.timeout")) {
      assertTrue(keys.contains(k), k + " missing from\n" + out);
    }
    String file = lines.stream().filter(l -> l.startsWith("clew.exporter.file.path ")).findFirst().orElseThrow();
    assertTrue(file.matches("clew\\.exporter\\.file\\.path +/tmp/clew-config-test-never-written\\.jsonl +clew-spans\\.jsonl"),
        file);
    String size = lines.stream().filter(l -> l.startsWith("clew.exporter.file.max-size ")).findFirst().orElseThrow();
    assertTrue(size.matches("clew\\.exporter\\.file\\.max-size +- +10485760"), size);
    assertTrue(out.contains("set, but no clew component reads them") && out.contains("  otel.servce.name = typo"),
        out);
    assertTrue(new java.io.File("/tmp/clew-config-test-never-written.jsonl").exists() == false,
        "listing the configuration exports nothing");
  }
}
