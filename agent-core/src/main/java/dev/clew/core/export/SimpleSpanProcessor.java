package dev.clew.core.export;

import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanProcessor;
import java.util.Collections;

/** Exports each sampled span as soon as it ends, on the ending thread; for the console exporter and tests. */
public final class SimpleSpanProcessor implements SpanProcessor {
  private final SpanExporter exporter;
  private final ExportStats stats;

  public SimpleSpanProcessor(SpanExporter exporter, ExportStats stats) {
    this.exporter = exporter;
    this.stats = stats;
  }

  @Override
  public void onEnd(RecordingSpan span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    boolean ok;
    try {
      ok = exporter.export(Collections.<SpanData>singletonList(span)).isSuccess();
    } catch (Throwable t) {
      ok = false;
    }
    if (ok) {
      stats.exported(1);
    } else {
      stats.failed(1);
    }
  }

  @Override
  public void shutdown(long timeoutMillis) {
    exporter.shutdown();
  }
}
