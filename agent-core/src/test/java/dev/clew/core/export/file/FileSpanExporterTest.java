package dev.clew.core.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.export.TestSpan;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.TraceState;
import dev.clew.testing.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpanExporterTest {
  @TempDir Path dir;

  private static List<SpanData> spans(int from, int count) {
    List<SpanData> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      TestSpan s = new TestSpan();
      s.context = SpanContext.create(0x1234L, 0x5678L + i, 0x1000L + i, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
      s.name = "span-" + i;
      out.add(s);
    }
    return out;
  }

  /** Span names in a file; every line must be a valid one-span OTLP/JSON request. */
  private static List<String> names(Path file) throws Exception {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      assertEquals(List.of(), OtlpJson.violations(line), line);
      ExportTraceServiceRequest req = OtlpJson.parse(line);
      assertEquals(1, req.getResourceSpans(0).getScopeSpans(0).getSpansCount());
      names.add(req.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName());
    }
    return names;
  }

  @Test
  void writesOneRequestPerLineAndAppendsAcrossBatches() throws Exception {
    Path file = dir.resolve("spans.jsonl");
    FileSpanExporter exporter = new FileSpanExporter(file.toFile(), 1 << 20, 3);
    assertTrue(exporter.export(spans(0, 2)).isSuccess());
    assertTrue(exporter.export(spans(2, 1)).isSuccess());
    exporter.shutdown();
    // a new exporter (a restarted application) appends
    FileSpanExporter again = new FileSpanExporter(file.toFile(), 1 << 20, 3);
    assertTrue(again.export(spans(3, 1)).isSuccess());
    again.shutdown();
    assertEquals(List.of("span-0", "span-1", "span-2", "span-3"), names(file));
  }

  @Test
  void rotatesAtTheSizeLimitKeepingMaxFilesOldOnes() throws Exception {
    Path file = dir.resolve("spans.jsonl");
    int lineLength = new dev.clew.core.export.otlp.OtlpJsonEncoder().encodeLine(spans(0, 1).get(0)).length;
    // three lines fit in a file, a fourth does not
    FileSpanExporter exporter = new FileSpanExporter(file.toFile(), 3L * lineLength + lineLength / 2, 2);
    for (int i = 0; i < 20; i++) {
      assertTrue(exporter.export(spans(i, 1)).isSuccess());
    }
    exporter.shutdown();
    assertEquals(List.of("span-18", "span-19"), names(file));
    assertEquals(List.of("span-15", "span-16", "span-17"), names(dir.resolve("spans.jsonl.1")));
    assertEquals(List.of("span-12", "span-13", "span-14"), names(dir.resolve("spans.jsonl.2")));
    assertFalse(Files.exists(dir.resolve("spans.jsonl.3")), "only max-files old files are kept");
    for (Path p : List.of(file, dir.resolve("spans.jsonl.1"), dir.resolve("spans.jsonl.2"))) {
      assertTrue(Files.size(p) <= 3L * lineLength + lineLength / 2, p + " is over the limit");
    }
  }

  @Test
  void aBatchLargerThanTheLimitIsSplitAcrossFilesWithoutLosingSpans() throws Exception {
    Path file = dir.resolve("spans.jsonl");
    int lineLength = new dev.clew.core.export.otlp.OtlpJsonEncoder().encodeLine(spans(0, 1).get(0)).length;
    FileSpanExporter exporter = new FileSpanExporter(file.toFile(), 2L * lineLength, 5);
    assertTrue(exporter.export(spans(0, 7)).isSuccess());
    exporter.shutdown();
    Set<String> all = new HashSet<>();
    all.addAll(names(file));
    for (int i = 1; i <= 3; i++) {
      all.addAll(names(dir.resolve("spans.jsonl." + i)));
    }
    assertEquals(7, all.size());
  }

  @Test
  void withNoOldFilesKeptTheFileStartsOver() throws Exception {
    Path file = dir.resolve("spans.jsonl");
    int lineLength = new dev.clew.core.export.otlp.OtlpJsonEncoder().encodeLine(spans(0, 1).get(0)).length;
    FileSpanExporter exporter = new FileSpanExporter(file.toFile(), 2L * lineLength, 0);
    assertTrue(exporter.export(spans(0, 5)).isSuccess());
    exporter.shutdown();
    assertEquals(List.of("span-4"), names(file));
    assertFalse(Files.exists(dir.resolve("spans.jsonl.1")));
  }

  @Test
  void anUnwritablePathFailsTheBatchWithoutThrowingAndRecoversLater() throws Exception {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "a file where a directory should be");
    File target = blocker.resolve("spans.jsonl").toFile();
    FileSpanExporter exporter = new FileSpanExporter(target, 1 << 20, 2);
    assertFalse(exporter.export(spans(0, 3)).isSuccess());
    assertFalse(exporter.export(spans(3, 1)).isSuccess());
    Files.delete(blocker);
    assertTrue(exporter.export(spans(4, 1)).isSuccess(), "the next batch opens the file again");
    exporter.shutdown();
    assertEquals(List.of("span-4"), names(target.toPath()));
  }

  @Test
  void configurationKeysAndDefaults() {
    Config config = Config.of(Map.of("clew.exporter.file.path", dir.resolve("x.jsonl").toString(),
        "clew.exporter.file.max-size", "-5", "clew.exporter.file.max-files", "abc"));
    FileSpanExporter exporter = FileSpanExporter.fromConfig(config);
    assertTrue(exporter.toString().contains("rotated at " + FileSpanExporter.DEFAULT_MAX_SIZE + " bytes, "
        + FileSpanExporter.DEFAULT_MAX_FILES + " old files kept"), exporter.toString());
    Map<String, String> defaults = new java.util.HashMap<>();
    for (Config.Option o : config.options()) {
      defaults.put(o.key, o.defaultValue);
    }
    assertEquals("clew-spans.jsonl", defaults.get("clew.exporter.file.path"));
    assertEquals("10485760", defaults.get("clew.exporter.file.max-size"));
    assertEquals("5", defaults.get("clew.exporter.file.max-files"));
  }
}
