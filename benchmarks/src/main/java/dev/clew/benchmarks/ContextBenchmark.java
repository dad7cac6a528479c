package dev.clew.benchmarks;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.Tracer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What instrumentation pays around a span for the context: read the span of a context that also carries
 * baggage, put a span into a context, and the whole advice pattern (start a child of a server span whose
 * context also carries baggage, make it current, close the scope, end the span) on the tracer with a
 * processor that does nothing.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextBenchmark {
  private Tracer tracer;
  private Span server;
  private Context withSpanAndBaggage;
  private Context withBaggage;

  @Setup
  public void setUp() {
    tracer = ClewSpans.provider(new ClewSpans.NoopProcessor()).tracer("clew.jdbc");
    server = ClewSpans.startServer(tracer, SpanRecipe.path(0));
    Baggage baggage = Baggage.empty().with("user", "ann");
    withBaggage = baggage.storeIn(Context.root());
    withSpanAndBaggage = withBaggage.with(server);
  }

  @Benchmark
  public Span spanFromContext() {
    return Span.fromContext(withSpanAndBaggage);
  }

  @Benchmark
  public Context contextWithSpan() {
    return withBaggage.with(server);
  }

  @Benchmark
  public Span startScopeEnd() {
    Span span = tracer.spanBuilder(SpanRecipe.CLIENT_NAME).setSpanKind(SpanKind.CLIENT)
        .setParent(withSpanAndBaggage).startSpan();
    Scope scope = withSpanAndBaggage.with(span).makeCurrent();
    try {
      return span;
    } finally {
      scope.close();
      span.end();
    }
  }
}
