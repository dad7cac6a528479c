package dev.clew.instrumentation.otelapi;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.attributes;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.otelapi.Inventory;
import dev.clew.testing.AgentSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application using the OpenTelemetry API (run on the newest API and on 1.20): its manual spans and
 * clew's spans (Inventory's methods, traced by configuration) nest both ways, and everything it records on its
 * spans arrives in clew's export.
 */
class OpenTelemetryApiBridgeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Tracer tracer = GlobalOpenTelemetry.getTracer("shop", "1.2.3");
  private final Inventory inventory = new Inventory();

  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void manualAndClewSpansNestBothWays() {
    Span checkout = tracer.spanBuilder("checkout").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      inventory.reserve(() -> { // clew's span, a child of checkout
        Span pick = tracer.spanBuilder("pick").startSpan(); // a child of clew's span
        try (Scope s = pick.makeCurrent()) {
          assertEquals(3, inventory.count()); // clew's span again, a child of pick
        } finally {
          pick.end();
        }
      });
    } finally {
      checkout.end();
    }

    List<io.opentelemetry.proto.trace.v1.Span> spans = AgentSpans.awaitSpans(4, WAIT);
    assertEquals(4, spans.size(), AgentSpans.names(spans).toString());
    io.opentelemetry.proto.trace.v1.Span server = span(spans, "checkout");
    io.opentelemetry.proto.trace.v1.Span reserve = span(spans, "Inventory.reserve");
    io.opentelemetry.proto.trace.v1.Span pick = span(spans, "pick");
    io.opentelemetry.proto.trace.v1.Span count = span(spans, "Inventory.count");
    assertTrue(server.getParentSpanId().isEmpty());
    assertTrue(isChildOf(reserve, server), "clew's span under the manual one");
    assertTrue(isChildOf(pick, reserve), "a manual span under clew's");
    assertTrue(isChildOf(count, pick));
    assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER, server.getKind());
    assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL, pick.getKind());
    assertEquals("shop", AgentSpans.scopeOf(server).getName());
    assertEquals("1.2.3", AgentSpans.scopeOf(server).getVersion());
    assertEquals("clew.methods", AgentSpans.scopeOf(reserve).getName());
    assertEquals(Thread.currentThread().getName(), attribute(pick, "thread.name"));
    assertEquals(Thread.currentThread().getId(), attribute(pick, "thread.id"));
  }

  @Test
  void spanCurrentInsideClewsSpanIsClewsSpan() {
    AtomicReference<SpanContext> seen = new AtomicReference<>();
    inventory.reserve(() -> {
      Span current = Span.current();
      assertTrue(current.isRecording());
      seen.set(current.getSpanContext());
      current.setAttribute("order.id", 42L);
      current.addEvent("stock.checked");
    });
    assertFalse(Span.current().getSpanContext().isValid(), "nothing current after the call");

    io.opentelemetry.proto.trace.v1.Span reserve = span(AgentSpans.awaitSpans(1, WAIT), "Inventory.reserve");
    assertEquals(traceId(reserve), seen.get().getTraceId());
    assertEquals(spanId(reserve), seen.get().getSpanId());
    assertTrue(seen.get().isSampled());
    assertFalse(seen.get().isRemote());
    assertEquals(42L, attribute(reserve, "order.id"));
    assertEquals("stock.checked", reserve.getEvents(0).getName());
  }

  @Test
  void everythingRecordedOnAManualSpanArrives() {
    SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), TraceState.getDefault());
    Span s = tracer.spanBuilder("draft")
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(1_000_000L, TimeUnit.MILLISECONDS)
        .setAttribute("s", "v").setAttribute("l", 7L).setAttribute("d", 1.5).setAttribute("b", true)
        .setAttribute(AttributeKey.stringArrayKey("tags"), Arrays.asList("a", "b"))
        .setAttribute(AttributeKey.longArrayKey("sizes"), Arrays.asList(1L, 2L))
        .addLink(linked, Attributes.of(AttributeKey.stringKey("link.why"), "batch"))
        .startSpan();
    s.setAttribute(AttributeKey.booleanArrayKey("flags"), Arrays.asList(true, false));
    s.setAttribute(AttributeKey.doubleArrayKey("ratios"), Arrays.asList(0.5, 0.25));
    s.addEvent("cache.miss", Attributes.of(AttributeKey.stringKey("key"), "k1"), 1_000_100L, TimeUnit.MILLISECONDS);
    s.recordException(new IllegalStateException("no stock"),
        Attributes.of(AttributeKey.stringKey("exception.message"), "no stock (redacted)"));
    s.setStatus(StatusCode.ERROR, "failed to reserve");
    s.updateName("reserve stock");
    assertTrue(s.isRecording());
    s.end(1_000_200L, TimeUnit.MILLISECONDS);
    assertFalse(s.isRecording());
    s.setAttribute("after.end", "ignored");

    io.opentelemetry.proto.trace.v1.Span e = span(AgentSpans.awaitSpans(1, WAIT), "reserve stock");
    assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT, e.getKind());
    assertEquals(1_000_000_000_000L, e.getStartTimeUnixNano());
    assertEquals(1_000_200_000_000L, e.getEndTimeUnixNano());
    Map<String, Object> a = attributes(e.getAttributesList());
    assertEquals("v", a.get("s"));
    assertEquals(7L, a.get("l"));
    assertEquals(1.5, a.get("d"));
    assertEquals(true, a.get("b"));
    assertEquals(List.of("a", "b"), a.get("tags"));
    assertEquals(List.of(1L, 2L), a.get("sizes"));
    assertEquals(List.of(true, false), a.get("flags"));
    assertEquals(List.of(0.5, 0.25), a.get("ratios"));
    assertFalse(a.containsKey("after.end"));
    assertEquals(1, e.getLinksCount());
    assertEquals("0af7651916cd43dd8448eb211c80319c", AgentSpans.hex(e.getLinks(0).getTraceId()));
    assertEquals("b7ad6b7169203331", AgentSpans.hex(e.getLinks(0).getSpanId()));
    assertEquals("batch", attributes(e.getLinks(0).getAttributesList()).get("link.why"));
    assertEquals(2, e.getEventsCount());
    assertEquals("cache.miss", e.getEvents(0).getName());
    assertEquals(1_000_100_000_000L, e.getEvents(0).getTimeUnixNano());
    Map<String, Object> exception = attributes(e.getEvents(1).getAttributesList());
    assertEquals("exception", e.getEvents(1).getName());
    assertEquals("java.lang.IllegalStateException", exception.get("exception.type"));
    assertEquals("no stock (redacted)", exception.get("exception.message"), "the application's attributes win");
    assertTrue(((String) exception.get("exception.stacktrace")).contains("everythingRecordedOnAManualSpanArrives"));
    assertEquals(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR, e.getStatus().getCode());
    assertEquals("failed to reserve", e.getStatus().getMessage());
  }

  @Test
  void theApplicationsOwnContextValuesSurviveClewsSpans() {
    ContextKey<String> tenant = ContextKey.named("tenant");
    AtomicReference<String> inside = new AtomicReference<>();
    try (Scope ignored = Context.current().with(tenant, "acme").makeCurrent()) {
      inventory.reserve(() -> inside.set(Context.current().get(tenant)));
      assertEquals("acme", Context.current().get(tenant));
    }
    assertEquals("acme", inside.get(), "the value rode through the context clew made for its span");
    assertEquals(null, Context.current().get(tenant));
    AgentSpans.awaitSpans(1, WAIT);
  }

  @Test
  void aWrappedRemoteSpanContextIsTheParentOfClewsSpans() {
    SpanContext remote = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.builder().put("vendor", "x").build());
    try (Scope ignored = Span.wrap(remote).makeCurrent()) {
      assertSame(remote, Span.current().getSpanContext(), "the application's own span comes back");
      inventory.count();
    }
    io.opentelemetry.proto.trace.v1.Span count = span(AgentSpans.awaitSpans(1, WAIT), "Inventory.count");
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceId(count));
    assertEquals("00f067aa0ba902b7", parentSpanId(count));
    assertEquals("vendor=x", count.getTraceState());
  }

  @Test
  void theInvalidSpanAndTheRootContextStartNewTraces() {
    Span outer = tracer.spanBuilder("outer").startSpan();
    try (Scope o = outer.makeCurrent()) {
      try (Scope i = Span.getInvalid().makeCurrent()) {
        assertSame(Span.getInvalid(), Span.current());
        inventory.count();
      }
      try (Scope r = Context.root().makeCurrent()) {
        assertFalse(Span.current().getSpanContext().isValid());
        inventory.reserve(() -> {});
      }
      Span noParent = tracer.spanBuilder("detached").setNoParent().startSpan();
      noParent.end();
    } finally {
      outer.end();
    }
    List<io.opentelemetry.proto.trace.v1.Span> spans = AgentSpans.awaitSpans(4, WAIT);
    String outerTrace = traceId(span(spans, "outer"));
    for (String name : List.of("Inventory.count", "Inventory.reserve", "detached")) {
      io.opentelemetry.proto.trace.v1.Span s = span(spans, name);
      assertTrue(s.getParentSpanId().isEmpty(), name);
      assertNotEquals(outerTrace, traceId(s), name);
    }
  }

  @Test
  void baggageSetThroughTheApiIsClewsAndGoesOutWithClewsPropagators() {
    Span span = tracer.spanBuilder("send").startSpan();
    Map<String, String> headers = new HashMap<>();
    AtomicReference<String> insideClew = new AtomicReference<>();
    try (Scope s = span.makeCurrent();
        Scope b = Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
      inventory.reserve(() -> insideClew.set(Baggage.current().getEntryValue("tenant")));
      TextMapPropagator propagator = GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
      assertTrue(propagator.fields().containsAll(List.of("traceparent", "baggage")), propagator.fields()::toString);
      propagator.inject(Context.current(), headers, Map::put);
    } finally {
      span.end();
    }
    assertEquals("acme", insideClew.get());
    assertEquals("tenant=acme", headers.get("baggage"));
    String traceId = span.getSpanContext().getTraceId();
    assertEquals("00-" + traceId + "-" + span.getSpanContext().getSpanId() + "-01", headers.get("traceparent"));
    assertTrue(Baggage.current().isEmpty());
    AgentSpans.awaitSpans(2, WAIT);
  }

  @Test
  void extractedContextsParentManualAndClewSpans() {
    Map<String, String> headers = Map.of(
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "baggage", "user=alice",
        "tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    Context extracted = GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
        .extract(Context.current(), headers, new TextMapGetter<Map<String, String>>() {
          @Override
          @SuppressWarnings("deprecation") // abstract in the older APIs the test also runs on
          public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
          }

          @Override
          public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
          }
        });
    SpanContext remote = Span.fromContext(extracted).getSpanContext();
    assertTrue(remote.isRemote());
    assertEquals("00f067aa0ba902b7", remote.getSpanId());
    assertEquals("alice", Baggage.fromContext(extracted).getEntryValue("user"));
    assertEquals("t61rcWkgMzE", remote.getTraceState().get("congo"));
    List<String> keys = new ArrayList<>();
    remote.getTraceState().forEach((k, v) -> keys.add(k));
    assertEquals(List.of("congo", "rojo"), keys, "in order");

    Span handle = tracer.spanBuilder("handle").setParent(extracted).setSpanKind(SpanKind.CONSUMER).startSpan();
    try (Scope s = handle.makeCurrent()) {
      inventory.count();
    } finally {
      handle.end();
    }
    List<io.opentelemetry.proto.trace.v1.Span> spans = AgentSpans.awaitSpans(2, WAIT);
    io.opentelemetry.proto.trace.v1.Span h = span(spans, "handle");
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceId(h));
    assertEquals("00f067aa0ba902b7", parentSpanId(h));
    assertEquals("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", h.getTraceState(), "the trace state, in order, both ways");
    assertTrue(isChildOf(span(spans, "Inventory.count"), h));
  }

  @Test
  void theApplicationsOwnGlobalSdkIsIgnoredAndClewStaysTheGlobal() {
    OpenTelemetry before = GlobalOpenTelemetry.get();
    GlobalOpenTelemetry.set(OpenTelemetry.noop());
    assertSame(before, GlobalOpenTelemetry.get());
    Span s = GlobalOpenTelemetry.getTracer("after-set").spanBuilder("still clew's").startSpan();
    assertTrue(s.isRecording());
    s.end();
    assertEquals("after-set", AgentSpans.scopeOf(span(AgentSpans.awaitSpans(1, WAIT), "still clew's")).getName());
  }

  @Test
  void theApplicationGetsOnlyTheApisInterfacesFromClewsOwnLoader() {
    Span s = tracer.spanBuilder("x").startSpan();
    s.end();
    // here the module's classes are on the test class path too; the real jar hides them (OpenTelemetryApiIT)
    assertNotEquals(getClass().getClassLoader(), s.getClass().getClassLoader(),
        "the bridge is defined next to the API by clew, not taken from the application's class path");
    assertTrue(Span.class.isInstance(s));
    AgentSpans.awaitSpans(1, WAIT);
  }

  @Test
  void spansOfManyThreadsKeepTheirOwnParents() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String name = "job-" + i;
      threads.add(new Thread(() -> {
        Span job = tracer.spanBuilder(name).startSpan();
        try (Scope s = job.makeCurrent()) {
          inventory.count();
        } finally {
          job.end();
        }
      }, name));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    List<io.opentelemetry.proto.trace.v1.Span> spans = AgentSpans.awaitSpans(8, WAIT);
    List<io.opentelemetry.proto.trace.v1.Span> counts = AgentSpans.spansNamed(spans, "Inventory.count");
    assertEquals(4, counts.size());
    for (int i = 0; i < 4; i++) {
      io.opentelemetry.proto.trace.v1.Span job = span(spans, "job-" + i);
      assertEquals("job-" + i, attribute(job, "thread.name"));
      assertEquals(1, counts.stream().filter(c -> isChildOf(c, job)).count(), "job-" + i);
    }
  }
}
