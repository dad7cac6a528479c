package dev.clew.core.propagation;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.export.ExportStats;
import dev.clew.core.export.SpanProcessor;
import dev.clew.core.sampling.AlwaysOffSampler;
import dev.clew.core.sampling.ParentBasedSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.TraceState;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints time and allocation per extract/inject for each format, and per sampled-out span start.
 * Run by hand (not a test): {@code java -cp <test classpath> dev.clew.core.propagation.PropagationBenchmark}.
 */
public final class PropagationBenchmark {
  static final int WARMUP = 200_000;
  static final int RUNS = 300_000;
  static volatile Object sink;
  /** The cheapest carrier: names exactly as written, so the figures are the formats' own cost. */
  static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<Map<String, String>>() {
    @Override
    public Iterable<String> keys(Map<String, String> c) {
      return c.keySet();
    }

    @Override
    public String get(Map<String, String> c, String key) {
      return c.get(key);
    }
  };
  static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  public static void main(String[] args) {
    SpanContext sc = SpanContext.create(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
        SpanContext.FLAG_SAMPLED, TraceState.ofValidated(Arrays.asList("vendor", "opaque")));
    Context ctx = Baggage.empty().with("user", "ann").with("tier", "gold").storeIn(Context.root().with(Span.wrap(sc)));
    for (String name : new String[] {"tracecontext", "baggage", "b3", "b3multi", "jaeger"}) {
      TextMapPropagator p = Propagators.fromNames(Collections.singletonList(name));
      Map<String, String> headers = new HashMap<>();
      p.inject(ctx, headers, SETTER);
      measure(name + " extract", () -> sink = p.extract(Context.root(), headers, GETTER));
      measure(name + " inject", () -> {
        Map<String, String> c = new HashMap<>();
        p.inject(ctx, c, SETTER);
        sink = c;
      });
    }
    measure("(empty carrier, part of each inject)", () -> sink = new HashMap<String, String>());
    Tracer tracer = new TracerProvider(new Resource(Attributes.unlimited()),
        new ParentBasedSampler(AlwaysOffSampler.INSTANCE), SpanLimits.defaults(),
        Collections.<SpanProcessor>emptyList(), TextMapPropagator.noop(), new ExportStats()).tracer("bench");
    Context root = Context.root();
    measure("sampled-out root span start+end", () -> {
      Span s = tracer.spanBuilder("op").setParent(root).startSpan();
      s.end();
      sink = s;
    });
  }

  static void measure(String what, Runnable r) {
    for (int i = 0; i < WARMUP; i++) {
      r.run();
    }
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long ns = Long.MAX_VALUE;
    long bytes = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) { // best of 5: the machine is shared
      long bytes0 = mx.getThreadAllocatedBytes(tid);
      long t0 = System.nanoTime();
      for (int i = 0; i < RUNS; i++) {
        r.run();
      }
      ns = Math.min(ns, System.nanoTime() - t0);
      bytes = Math.min(bytes, mx.getThreadAllocatedBytes(tid) - bytes0);
    }
    System.out.printf("%-40s %7.1f ns/op %7.1f B/op%n", what, (double) ns / RUNS, (double) bytes / RUNS);
  }
}
