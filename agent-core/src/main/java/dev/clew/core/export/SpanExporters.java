package dev.clew.core.export;

import dev.clew.core.config.Config;
import dev.clew.core.export.console.ConsoleSpanExporter;
import dev.clew.core.export.file.FileSpanExporter;
import dev.clew.core.export.memory.InMemorySpanSink;
import dev.clew.core.export.otlp.OtlpHttpExporter;
import dev.clew.core.export.zipkin.ZipkinSpanExporter;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.SpanProcessor;
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

  /**
   * Reads the settings of every exporter, chosen or not, without creating one: for the {@code config}
   * listing, which shows all keys.
   */
  public static void askAllKeys(Config config) {
    BatchSpanProcessor.Settings batch = BatchSpanProcessor.Settings.fromConfig(config);
    OtlpHttpExporter.settings(config, batch.exportTimeoutMillis);
    OtlpHttpExporter.protocol(config);
    ZipkinSpanExporter.settings(config, batch.exportTimeoutMillis);
    FileSpanExporter.fromConfig(config);
  }

  /** Network and file exporters, each behind its own batch processor and export worker. */
  private static SpanProcessor networkProcessor(String name, Config config, ExportStats stats) {
    SpanExporter exporter;
    BatchSpanProcessor.Settings batch;
    switch (name) {
      case "otlp":
        batch = BatchSpanProcessor.Settings.fromConfig(config);
        exporter = OtlpHttpExporter.fromConfig(config, batch.exportTimeoutMillis);
        break;
      case "zipkin":
        batch = BatchSpanProcessor.Settings.fromConfig(config);
        exporter = ZipkinSpanExporter.fromConfig(config, batch.exportTimeoutMillis);
        break;
      case "file":
        batch = BatchSpanProcessor.Settings.fromConfig(config);
        exporter = FileSpanExporter.fromConfig(config);
        break;
      default:
        return null;
    }
    AgentLog.debug("exporting spans with " + exporter);
    return new BatchSpanProcessor(exporter, batch, stats);
  }
}
