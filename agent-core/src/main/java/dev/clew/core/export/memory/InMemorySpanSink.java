package dev.clew.core.export.memory;

import dev.clew.core.export.otlp.OtlpProtobufEncoder;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every finished sampled span in memory for tests ({@code clew.testing.sink=true}). The test code
 * lives in the application's class loader and cannot see this class's types, so it reads the spans as
 * OTLP protobuf bytes through {@link #drainOtlpProtobuf()} (called reflectively by clew-testing's
 * {@code AgentSpans}).
 */
public final class InMemorySpanSink implements SpanProcessor {
  private static final ConcurrentLinkedQueue<SpanData> PENDING = new ConcurrentLinkedQueue<>();

  @Override
  public void onEnd(RecordingSpan span) {
    if (span.spanContext().isSampled()) {
      PENDING.add(span);
    }
  }

  /** Encodes the spans finished since the last drain as one {@code ExportTraceServiceRequest}, and forgets them. */
  public static byte[] drainOtlpProtobuf() {
    List<SpanData> spans = new ArrayList<>();
    for (SpanData s = PENDING.poll(); s != null; s = PENDING.poll()) {
      spans.add(s);
    }
    return new OtlpProtobufEncoder().encode(spans);
  }

  public static void clear() {
    PENDING.clear();
  }
}
