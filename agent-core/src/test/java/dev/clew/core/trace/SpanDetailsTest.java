package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.sampling.AlwaysOnSampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Thread details at start, events with the application's timestamps, links added after start. */
class SpanDetailsTest {
  private final List<RecordingSpan> ended = new ArrayList<>();

  private TracerProvider provider(SpanLimits limits) {
    SpanProcessor collect = new SpanProcessor() {
      @Override
      public void onEnd(RecordingSpan span) {
        ended.add(span);
      }
    };
    return new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE, limits,
        Collections.singletonList(collect), new ExportStats());
  }

  @Test
  void threadDetailsAreTheStartingThreadsWhenSwitchedOn() throws Exception {
    Tracer tracer = provider(SpanLimits.defaults()).recordThreadDetails(true).tracer("test");
    AtomicReference<Thread> starter = new AtomicReference<>();
    Thread t = new Thread(() -> {
      starter.set(Thread.currentThread());
      tracer.spanBuilder("s").setAttribute("a", "1").startSpan().end();
    }, "orders-worker-7");
    t.start();
    t.join();
    Attributes a = ended.get(0).attributes();
    assertEquals(starter.get().getId(), a.get("thread.id"));
    assertEquals("orders-worker-7", a.get("thread.name"));
    assertEquals("1", a.get("a"), "the builder's attributes are kept");
  }

  @Test
  void threadDetailsAreOffUnlessAskedFor() {
    provider(SpanLimits.defaults()).tracer("test").spanBuilder("s").startSpan().end();
    assertNull(ended.get(0).attributes().get("thread.id"));
    assertNull(ended.get(0).attributes().get("thread.name"));
  }

  @Test
  void theBoxedThreadIdIsReusedAndAlwaysTheRightOne() {
    Long first = ThreadDetails.boxedId(5000);
    assertSame(first, ThreadDetails.boxedId(5000), "no allocation for a thread seen before");
    assertEquals(5000L + 1024, ThreadDetails.boxedId(5000 + 1024).longValue(), "a colliding id replaces the slot");
    assertEquals(5000L, ThreadDetails.boxedId(5000).longValue());
  }

  @Test
  void anEventKeepsTheTimestampItWasGiven() {
    Span span = provider(SpanLimits.defaults()).tracer("test").spanBuilder("s").setStartTimestamp(1_000L).startSpan();
    span.addEvent("cache.miss", Attributes.of("key", "k1"), 1_500L);
    span.addEvent("now", null);
    span.end(3_000L);
    List<SpanEvent> events = ended.get(0).events();
    assertEquals(1_500L, events.get(0).epochNanos());
    assertEquals("k1", events.get(0).attributes().get("key"));
    assertTrue(events.get(1).epochNanos() > 3_000L, "an event without a timestamp takes the clock's");
  }

  @Test
  void linksAddedAfterStartArriveWithinTheLimit() {
    SpanContext a = SpanContext.create(1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    SpanContext b = SpanContext.create(1, 2, 4, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    SpanContext c = SpanContext.create(1, 2, 5, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Span span = provider(new SpanLimits(128, 100, 128, 2, 128, 128)).tracer("test").spanBuilder("s")
        .addLink(a).startSpan();
    span.addLink(b, Attributes.of("why", "retry"));
    span.addLink(c, null); // past the limit of 2: counted
    span.addLink(SpanContext.INVALID, null); // ignored
    span.end();
    span.addLink(c, null); // after the end: ignored
    RecordingSpan d = ended.get(0);
    assertEquals(2, d.links().size());
    assertEquals(a, d.links().get(0).spanContext());
    assertEquals(b, d.links().get(1).spanContext());
    assertEquals("retry", d.links().get(1).attributes().get("why"));
    assertEquals(1, d.droppedLinks());
  }
}
