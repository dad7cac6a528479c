package dev.clew.benchmarks;

import dev.clew.core.export.ExportBuffer;
import dev.clew.core.export.otlp.OtlpJsonEncoder;
import dev.clew.core.export.otlp.OtlpProtobufEncoder;
import dev.clew.core.trace.SpanData;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One 512-span batch (the default export batch) to OTLP protobuf and OTLP/JSON, by clew's encoders and by
 * the OpenTelemetry SDK's marshalers, into a reused in-memory sink as an exporter would. The SDK's exporters
 * use the low-allocation marshaler (memory mode REUSABLE_DATA) by default; the plain one is shown too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncodeBenchmark {
  private List<SpanData> clewSpans;
  private List<io.opentelemetry.sdk.trace.data.SpanData> otelSpans;
  private final OtlpProtobufEncoder clewProtobuf = new OtlpProtobufEncoder();
  private final OtlpJsonEncoder clewJson = new OtlpJsonEncoder();
  private final LowAllocationTraceRequestMarshaler otelLowAllocation = new LowAllocationTraceRequestMarshaler();
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream(256 * 1024);
  private final ExportBuffer buffer = new ExportBuffer();

  @Setup
  public void setUp() {
    clewSpans = ClewSpans.batch();
    otelSpans = OtelSpans.batch();
    if (clewSpans.size() != SpanRecipe.BATCH || otelSpans.size() != SpanRecipe.BATCH) {
      throw new IllegalStateException("batches of " + clewSpans.size() + " and " + otelSpans.size());
    }
  }

  @Benchmark
  public int clewProtobuf() throws IOException {
    sink.reset();
    return clewProtobuf.encode(clewSpans, sink);
  }

  /** The OTLP exporter's path: written in place into the buffer it keeps from batch to batch. */
  @Benchmark
  public int clewProtobufExportBuffer() {
    buffer.reset();
    return clewProtobuf.encode(clewSpans, buffer);
  }

  /** Into a new exact-size array instead of a stream (the exporter's path before it kept a buffer). */
  @Benchmark
  public byte[] clewProtobufToArray() {
    return clewProtobuf.encode(clewSpans);
  }

  @Benchmark
  public int otelProtobuf() throws IOException {
    sink.reset();
    otelLowAllocation.initialize(otelSpans);
    try {
      otelLowAllocation.writeBinaryTo(sink);
    } finally {
      otelLowAllocation.reset();
    }
    return sink.size();
  }

  @Benchmark
  public int otelProtobufImmutable() throws IOException {
    sink.reset();
    TraceRequestMarshaler.create(otelSpans).writeBinaryTo(sink);
    return sink.size();
  }

  @Benchmark
  public int clewJson() {
    sink.reset();
    clewJson.encode(clewSpans, sink);
    return sink.size();
  }

  @Benchmark
  public int otelJson() throws IOException {
    sink.reset();
    TraceRequestMarshaler.create(otelSpans).writeJsonTo(sink);
    return sink.size();
  }
}
