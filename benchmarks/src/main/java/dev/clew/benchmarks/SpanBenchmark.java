package dev.clew.benchmarks;

import dev.clew.core.export.BatchSpanProcessor;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the application thread pays per span: start a SERVER span with eight attributes, add one, end it.
 * {@code *StartEnd}: both tracers hand the ended span to a processor that does nothing (the tracer alone);
 * {@code *StartEndBatch}: to their batch processor with default settings and an exporter that drops the
 * batches (span end + enqueue, what the application thread really pays).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanBenchmark {
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private final String path = SpanRecipe.path(0);
  private Tracer clew;
  private Tracer clewBatch;
  private TracerProvider clewBatchProvider;
  private io.opentelemetry.api.trace.Tracer otel;
  private io.opentelemetry.api.trace.Tracer otelBatch;
  private SdkTracerProvider otelProvider;
  private SdkTracerProvider otelBatchProvider;

  @Setup
  public void setUp() {
    // thread.id and thread.name on, as the agent starts its provider by default (otel.javaagent.add-thread-details)
    TracerProvider provider = ClewSpans.provider(new ClewSpans.NoopProcessor()).recordThreadDetails(true);
    clew = provider.tracer("clew.servlet");
    BatchSpanProcessor.Settings defaults = new BatchSpanProcessor.Settings(2048, 5000, 512, 30_000);
    clewBatchProvider = ClewSpans.provider(new BatchSpanProcessor(new ClewSpans.NoopExporter(), defaults,
        new ExportStats())).recordThreadDetails(true);
    clewBatch = clewBatchProvider.tracer("clew.servlet");
    otelProvider = OtelSpans.provider(new OtelSpans.NoopProcessor());
    otel = otelProvider.get("clew.servlet");
    otelBatchProvider = OtelSpans.provider(io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(new OtelSpans.NoopExporter()).build());
    otelBatch = otelBatchProvider.get("clew.servlet");
  }

  @TearDown
  public void tearDown() {
    clewBatchProvider.shutdown(1000);
    otelProvider.close();
    otelBatchProvider.close();
  }

  @Benchmark
  public Span clewStartEnd() {
    Span span = ClewSpans.startServer(clew, path);
    span.setAttribute("http.response.status_code", 200L);
    span.end();
    return span;
  }

  @Benchmark
  public Span clewStartEndBatch() {
    Span span = ClewSpans.startServer(clewBatch, path);
    span.setAttribute("http.response.status_code", 200L);
    span.end();
    return span;
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otelStartEnd() {
    io.opentelemetry.api.trace.Span span = OtelSpans.startServer(otel, path);
    span.setAttribute(STATUS, 200L);
    span.end();
    return span;
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otelStartEndBatch() {
    io.opentelemetry.api.trace.Span span = OtelSpans.startServer(otelBatch, path);
    span.setAttribute(STATUS, 200L);
    span.end();
    return span;
  }
}
