package dev.clew.core.export;

import dev.clew.core.config.Config;
import dev.clew.core.export.console.ConsoleSpanExporter;
import dev.clew.core.export.memory.InMemorySpanSink;
import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Builds the span processors for {@code otel.traces.exporter} (a comma-separated list). Each exporter
 * name maps to one exporter; the console exporter exports synchronously, the network ones in batches.
 */
public final class SpanExporters {
  private SpanExporters() {}

  public static List<SpanProcessor> processorsFromConfig(Config config, ExportStats stats) {
    List<String> names = config.getList("otel.traces.exporter", Collections.singletonList("otlp"));
    List<SpanProcessor> processors = new ArrayList<>();
    for (String raw : names) {
      String name = raw.toLowerCase(Locale.ROOT);
      switch (name) {
        case "none":
          break;
        case "console":
        case "logging":
          processors.add(new SimpleSpanProcessor(new ConsoleSpanExporter(System.out), stats));
          break;
        default:
          SpanProcessor p = networkProcessor(name, config, stats);
          if (p == null) {
            AgentLog.warn("unknown exporter '" + raw + "' in otel.traces.exporter; skipped");
          } else {
            processors.add(p);
          }
      }
    }
    if (config.getBoolean("clew.testing.sink", false)) {
      processors.add(new InMemorySpanSink());
    }
    return processors;
  }

  /** Exporters that arrive with the export issue (otlp, zipkin, file) plug in here. */
  private static SpanProcessor networkProcessor(String name, Config config, ExportStats stats) {
    if ("otlp".equals(name)) {
      AgentLog.debug("the otlp exporter is not available in this build; spans are not exported");
      return new SpanProcessor() {
        @Override
        public void onEnd(dev.clew.core.trace.RecordingSpan span) {}
      };
    }
    return null;
  }
}
