package dev.clew.core.export.otlp;

import dev.clew.core.context.Context;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.util.ArrayList;
import java.util.List;

/** Spans made with the real tracer that use every field OTLP carries: two resources, several scopes. */
final class SpanFixtures {
  static final long T0 = 1_700_000_000_123_456_789L;

  private SpanFixtures() {}

  /** Collects ended spans, in the order they ended. */
  static final class Collector implements SpanProcessor {
    final List<SpanData> spans = new ArrayList<>();

    @Override
    public void onEnd(RecordingSpan span) {
      spans.add(span);
    }
  }

  static TracerProvider provider(String service, Collector collector, SpanLimits limits) {
    Attributes resource = Attributes.of("service.name", service, "host.name", "h1", "process.pid", 42L);
    return new TracerProvider(new Resource(resource), AlwaysOnSampler.INSTANCE, limits, List.of(collector), new ExportStats());
  }

  /** A batch mixing resources and scopes (interleaved, so grouping has work to do). */
  static List<SpanData> mixedBatch() {
    Collector collector = new Collector();
    SpanLimits limits = new SpanLimits(7, 40, 2, 1, 3, 2);
    TracerProvider orders = provider("orders", collector, limits);
    TracerProvider billing = provider("billing", collector, new SpanLimits(128, 1000, 128, 128, 128, 2));
    Tracer http = orders.tracer("clew.http");
    Tracer jdbc = orders.tracer("clew.jdbc");
    Tracer kafka = billing.tracer("clew.kafka");

    SpanContext remote = SpanContext.createFromRemote(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
        SpanContext.FLAG_SAMPLED, TraceState.ofValidated(List.of("congo", "t61rcWkgMzE", "rojo", "00f067aa0ba902b7")));
    Span server = http.spanBuilder("GET /orders/{id}").setSpanKind(SpanKind.SERVER)
        .setParent(Context.root().with(Span.wrap(remote))).setStartTimestamp(T0)
        .setAttribute("http.request.method", "GET")
        .setAttribute("http.response.status_code", 200L)
        .setAttribute("url.path", "/orders/ünïcödé/✓/😀")
        .setAttribute("truncated", "a string longer than the forty character limit of these spans")
        .setAttribute("retry", true)
        .setAttribute("ratio", 0.25)
        .startSpan();
    server.setAttribute("negative", -7L);
    server.setAttribute("dropped.by.count.limit", "x"); // 8th attribute: dropped
    server.addEvent("first", Attributes.of("n", 1L, "a", "b", "c", true, "d", 2.5)); // 4 attributes, limit 3
    server.addEvent("second", null);
    server.addEvent("third: dropped", null);
    server.setStatus(StatusCode.OK, "ignored for OK");

    Span query = jdbc.spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT)
        .setParent(Context.root().with(server)).setStartTimestamp(T0 + 1_000)
        .setAttribute("db.system.name", "postgresql")
        .setAttribute("strings", new String[] {"a", "", "ü"})
        .setAttribute("longs", new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE})
        .setAttribute("doubles", new double[] {0.0, -1.5, Double.MAX_VALUE})
        .setAttribute("booleans", new boolean[] {true, false})
        .setAttribute("empty", "")
        .startSpan();
    query.recordException(new IllegalStateException("connection reset"));
    query.setStatus(StatusCode.ERROR, "connection reset");

    SpanContext producer = SpanContext.createFromRemote(0x1111111111111111L, 0x2222222222222222L, 0x3333333333333333L,
        (byte) 0, TraceState.ofValidated(List.of("k", "v")));
    SpanContext localLink = SpanContext.create(0x4444444444444444L, 0x5555555555555555L, 0x6666666666666666L,
        SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Span consume = kafka.spanBuilder("orders process").setSpanKind(SpanKind.CONSUMER).setNoParent()
        .addLink(producer, Attributes.of("messaging.message.id", "m-1", "x", 1L, "y", 2L))
        .addLink(localLink)
        .setStartTimestamp(T0 + 2_000).startSpan();
    Span produce = kafka.spanBuilder("invoices publish").setSpanKind(SpanKind.PRODUCER)
        .setParent(Context.root().with(consume)).setStartTimestamp(T0 + 3_000).startSpan();
    Span internal = http.spanBuilder("render").setParent(Context.root().with(server))
        .setStartTimestamp(T0 + 4_000).startSpan();
    Span noLinkRoom = orders.tracer("clew.jdbc").spanBuilder("two links, limit one").setNoParent()
        .addLink(producer).addLink(localLink).setStartTimestamp(T0 + 5_000).startSpan();

    query.end(T0 + 900_000);
    produce.end(T0 + 950_000);
    internal.end(T0 + 960_000);
    consume.end(T0 + 990_000);
    noLinkRoom.end(T0 + 995_000);
    server.end(T0 + 1_000_000);
    return collector.spans;
  }
}
