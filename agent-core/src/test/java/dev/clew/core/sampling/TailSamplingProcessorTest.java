package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TailSamplingProcessorTest {
  static final long MS = 1_000_000L;
  static final long T0 = 1_700_000_000_000L * MS;

  /** The processor the tail sampler forwards to: keeps what it is given. */
  static final class Collected implements SpanProcessor {
    final List<RecordingSpan> spans = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger starts = new AtomicInteger();

    @Override
    public void onStart(Context parent, RecordingSpan span) {
      starts.incrementAndGet();
    }

    @Override
    public void onEnd(RecordingSpan span) {
      spans.add(span);
    }

    Set<String> traceIds() {
      Set<String> ids = new HashSet<>();
      synchronized (spans) {
        for (RecordingSpan s : spans) {
          ids.add(s.spanContext().traceIdHex());
        }
      }
      return ids;
    }
  }

  final Collected sink = new Collected();

  TailSamplingProcessor tail(double ratio, int maxSpans) {
    return new TailSamplingProcessor(Collections.<SpanProcessor>singletonList(sink), 1000, ratio, maxSpans, 60_000);
  }

  static Tracer tracer(SpanProcessor processor) {
    TracerProvider provider = new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE,
        SpanLimits.defaults(), Collections.singletonList(processor), new ExportStats());
    return provider.tracer("test");
  }

  /** A local trace: a root lasting {@code rootMillis} with {@code children} children, one of them in error if asked. */
  static Span trace(Tracer tracer, long rootMillis, int children, boolean error) {
    Span root = tracer.spanBuilder("root").setNoParent().setStartTimestamp(T0).startSpan();
    Context ctx = Context.root().with(root);
    for (int i = 0; i < children; i++) {
      Span child = tracer.spanBuilder("child" + i).setParent(ctx).setStartTimestamp(T0 + MS).startSpan();
      if (error && i == children / 2) {
        child.setStatus(StatusCode.ERROR, "boom");
      }
      child.end(T0 + 2 * MS);
    }
    root.end(T0 + rootMillis * MS);
    return root;
  }

  @Test
  void keepsEveryErrorTraceWithAllItsSpans() {
    Tracer tracer = tracer(tail(0.0, 10_000));
    for (int i = 0; i < 200; i++) {
      trace(tracer, 5, 4, true);
      trace(tracer, 5, 4, false);
    }
    assertEquals(200, sink.traceIds().size());
    assertEquals(200 * 5, sink.spans.size(), "root and every child of each error trace");
    for (RecordingSpan s : sink.spans) {
      assertTrue(s.spanContext().isSampled());
    }
  }

  @Test
  void keepsEverySlowTrace() {
    TailSamplingProcessor tail = tail(0.0, 10_000);
    Tracer tracer = tracer(tail);
    Set<String> slow = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      slow.add(trace(tracer, 1001, 3, false).spanContext().traceIdHex());
      trace(tracer, 1000, 3, false); // at the threshold: not slow
    }
    assertEquals(slow, sink.traceIds());
    assertEquals(200 * 4, sink.spans.size());
    assertEquals(200, tail.keptTraces());
    assertEquals(200, tail.droppedTraces());
    assertEquals(0, tail.bufferedSpans());
  }

  @Test
  void normalTracesAreKeptWithTheRatioDecidedOnTheTraceId() {
    Tracer tracer = tracer(tail(0.3, 10_000));
    TraceIdRatioSampler reference = new TraceIdRatioSampler(0.3);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      SpanContext sc = trace(tracer, 10, 2, false).spanContext();
      if (reference.keeps(sc.traceIdLow())) {
        expected.add(sc.traceIdHex());
      }
    }
    assertEquals(expected, sink.traceIds());
    assertTrue(expected.size() > 700 && expected.size() < 1100, "about 30 %: " + expected.size());
  }

  @Test
  void respectsItsMemoryBoundAndCountsOverflow() {
    TailSamplingProcessor tail = tail(0.0, 100);
    Tracer tracer = tracer(tail);
    Span root = tracer.spanBuilder("root").setNoParent().startSpan();
    Context ctx = Context.root().with(root);
    for (int i = 0; i < 500; i++) {
      tracer.spanBuilder("child").setParent(ctx).startSpan().end();
      assertTrue(tail.bufferedSpans() <= 100);
    }
    assertEquals(100, tail.bufferedSpans());
    assertEquals(400, tail.overflowSpans());
    assertTrue(sink.spans.isEmpty(), "nothing leaves before the root ends");
    root.setStatus(StatusCode.ERROR, "failed");
    root.end();
    assertEquals(101, sink.spans.size(), "the buffered children and the root");
    assertEquals(0, tail.bufferedSpans());
  }

  @Test
  void anErrorForwardsAtOnceAndLaterSpansFollow() {
    Tracer tracer = tracer(tail(0.0, 10_000));
    Span root = tracer.spanBuilder("root").setNoParent().startSpan();
    Context ctx = Context.root().with(root);
    tracer.spanBuilder("a").setParent(ctx).startSpan().end();
    assertEquals(0, sink.spans.size());
    tracer.spanBuilder("b").setParent(ctx).startSpan().setStatus(StatusCode.ERROR, "x").end();
    assertEquals(2, sink.spans.size(), "the trace is known to be kept: no need to wait for the root");
    tracer.spanBuilder("c").setParent(ctx).startSpan().end();
    root.end();
    assertEquals(4, sink.spans.size());
    // a span of the trace ending after its root (async work) follows the decision
    tracer.spanBuilder("late").setParent(ctx).startSpan().end();
    assertEquals(5, sink.spans.size());
  }

  @Test
  void lateSpansOfADroppedTraceAreDropped() {
    TailSamplingProcessor tail = tail(0.0, 10_000);
    Tracer tracer = tracer(tail);
    Span root = tracer.spanBuilder("root").setNoParent().startSpan();
    Context ctx = Context.root().with(root);
    root.end();
    tracer.spanBuilder("late").setParent(ctx).startSpan().end();
    assertTrue(sink.spans.isEmpty());
    assertEquals(0, tail.bufferedSpans());
  }

  @Test
  void aSpanWithARemoteParentIsALocalRoot() {
    Tracer tracer = tracer(tail(0.0, 10_000));
    SpanContext remote = SpanContext.createFromRemote(7, 8, 9, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Context upstream = Context.root().with(Span.wrap(remote));
    Span server = tracer.spanBuilder("server").setParent(upstream).setStartTimestamp(T0).startSpan();
    tracer.spanBuilder("db").setParent(upstream.with(server)).startSpan().end();
    server.end(T0 + 2000 * MS);
    assertEquals(2, sink.spans.size());
    assertEquals(remote.traceIdHex(), sink.spans.get(0).spanContext().traceIdHex());
  }

  @Test
  void twoLocalRootsOfOneTraceAreDecidedWhenBothEnded() {
    Tracer tracer = tracer(tail(0.0, 10_000));
    SpanContext remote = SpanContext.createFromRemote(7, 8, 9, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Context upstream = Context.root().with(Span.wrap(remote));
    Span first = tracer.spanBuilder("first").setParent(upstream).startSpan();
    Span second = tracer.spanBuilder("second").setParent(upstream).startSpan();
    first.end();
    second.setStatus(StatusCode.ERROR, "x");
    second.end();
    assertEquals(2, sink.spans.size(), "the first root waited for the second");
  }

  @Test
  void shutdownDecidesWhatIsPending() {
    TailSamplingProcessor tail = tail(0.0, 10_000);
    Tracer tracer = tracer(tail);
    Span root = tracer.spanBuilder("root").setNoParent().startSpan();
    tracer.spanBuilder("child").setParent(Context.root().with(root)).startSpan().end();
    assertEquals(1, tail.bufferedSpans());
    tail.shutdown(1000);
    assertEquals(0, tail.bufferedSpans());
    assertEquals(1, tail.droppedTraces());
  }

  @Test
  void startsReachTheRealProcessorsAtOnce() {
    Tracer tracer = tracer(tail(1.0, 10));
    tracer.spanBuilder("a").startSpan();
    assertEquals(1, sink.starts.get());
  }

  @Test
  void concurrentTracesKeepEveryErrorTraceWhole() throws Exception {
    TailSamplingProcessor tail = tail(0.0, 1_000_000);
    Tracer tracer = tracer(tail);
    int threads = 4;
    int perThread = 500;
    Set<String> errorTraces = Collections.synchronizedSet(new HashSet<>());
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          boolean error = i % 5 == 0;
          Span root = trace(tracer, 5, 3, error);
          if (error) {
            errorTraces.add(root.spanContext().traceIdHex());
          }
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    assertEquals(errorTraces, sink.traceIds());
    assertEquals(errorTraces.size() * 4, sink.spans.size());
    assertEquals(0, tail.bufferedSpans());
    assertEquals(errorTraces.size(), tail.keptTraces());
    assertEquals(threads * perThread - errorTraces.size(), tail.droppedTraces());
  }

  @Test
  void configuration() {
    List<SpanProcessor> real = Collections.<SpanProcessor>singletonList(sink);
    assertSame(real, TailSamplingProcessor.wrapIfEnabled(Config.of(Collections.<String, String>emptyMap()), real));
    Map<String, String> on = new HashMap<>();
    on.put("clew.tail.enabled", "true");
    on.put("otel.traces.sampler", "always_off");
    Config config = Config.of(on);
    List<SpanProcessor> wrapped = TailSamplingProcessor.wrapIfEnabled(config, real);
    assertEquals(1, wrapped.size());
    assertTrue(wrapped.get(0) instanceof TailSamplingProcessor);
    assertSame(AlwaysOnSampler.INSTANCE, Samplers.fromConfig(config), "tail mode records every span");
    assertFalse(Samplers.fromConfig(Config.of(Collections.singletonMap("otel.traces.sampler", "always_off")))
        .shouldSample(SpanContext.INVALID, 1, 2, "x", dev.clew.core.trace.SpanKind.SERVER).isRecording());
  }
}
