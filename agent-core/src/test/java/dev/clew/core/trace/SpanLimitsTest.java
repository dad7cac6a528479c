package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.context.Context;
import dev.clew.core.sampling.AlwaysOnSampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute, event and link limits, typed attributes, status rules and time, on real spans. */
class SpanLimitsTest {
  private final List<RecordingSpan> ended = new ArrayList<>();

  private Tracer tracer(SpanLimits limits) {
    SpanProcessor collect = new SpanProcessor() {
      @Override
      public void onEnd(RecordingSpan span) {
        ended.add(span);
      }
    };
    TracerProvider provider = new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE,
        limits, Collections.singletonList(collect), new ExportStats());
    return provider.tracer("test");
  }

  @Test
  void attributeCountLimitDropsNewKeysAndCountsThem() {
    Span span = tracer(new SpanLimits(3, 100, 10, 10, 10, 10)).spanBuilder("s").setAttribute("a", "1").startSpan();
    span.setAttribute("b", 2L).setAttribute("c", true).setAttribute("d", 4.0).setAttribute("e", "5");
    span.setAttribute("a", "replaced"); // replacing an existing key is not a new key
    span.end();
    SpanData d = ended.get(0);
    assertEquals(3, d.attributes().size());
    assertEquals("replaced", d.attributes().get("a"));
    assertEquals(2, d.droppedAttributes());
  }

  @Test
  void longValuesAreTruncatedIncludingInArrays() {
    Span span = tracer(new SpanLimits(10, 4, 10, 10, 10, 10)).spanBuilder("s").startSpan();
    span.setAttribute("s", "abcdefgh");
    span.setAttribute("arr", new String[] {"123456", "12"});
    span.end();
    Attributes a = ended.get(0).attributes();
    assertEquals("abcd", a.get("s"));
    assertArrayEquals(new String[] {"1234", "12"}, (String[]) a.get("arr"));
  }

  @Test
  void everyAttributeTypeIsKeptTyped() {
    Span span = tracer(SpanLimits.defaults()).spanBuilder("s").startSpan();
    span.setAttribute("str", "v").setAttribute("long", 7L).setAttribute("double", 1.5).setAttribute("bool", true);
    span.setAttribute("int", Integer.valueOf(3));
    span.setAttribute("longs", new long[] {1, 2}).setAttribute("doubles", new double[] {0.5})
        .setAttribute("bools", new boolean[] {true, false});
    span.end();
    Attributes a = ended.get(0).attributes();
    assertEquals("v", a.get("str"));
    assertEquals(7L, a.get("long"));
    assertEquals(1.5, a.get("double"));
    assertEquals(Boolean.TRUE, a.get("bool"));
    assertEquals(3L, a.get("int"));
    assertArrayEquals(new long[] {1, 2}, (long[]) a.get("longs"));
    assertArrayEquals(new double[] {0.5}, (double[]) a.get("doubles"));
    assertArrayEquals(new boolean[] {true, false}, (boolean[]) a.get("bools"));
  }

  @Test
  void eventAndLinkLimitsCountWhatTheyDrop() {
    Tracer tracer = tracer(new SpanLimits(10, 100, 2, 1, 1, 10));
    SpanContext other = SpanContext.create(1, 2, 3, (byte) 1, TraceState.EMPTY);
    SpanContext another = SpanContext.create(4, 5, 6, (byte) 1, TraceState.EMPTY);
    Span span = tracer.spanBuilder("s").addLink(other).addLink(another).startSpan();
    span.addEvent("e1", Attributes.of("k1", "v", "k2", "v"));
    span.addEvent("e2", null);
    span.addEvent("e3", null);
    span.end();
    SpanData d = ended.get(0);
    assertEquals(2, d.events().size());
    assertEquals(1, d.droppedEvents());
    assertEquals(1, d.events().get(0).attributes().size(), "attributes per event are limited too");
    assertEquals(1, d.links().size());
    assertEquals(1, d.droppedLinks());
  }

  @Test
  void recordExceptionAddsTheStandardEvent() {
    Span span = tracer(SpanLimits.defaults()).spanBuilder("s").startSpan();
    span.recordException(new IllegalArgumentException("bad input"));
    span.setStatus(StatusCode.ERROR, "bad input");
    span.end();
    SpanData d = ended.get(0);
    SpanEvent e = d.events().get(0);
    assertEquals("exception", e.name());
    assertEquals("java.lang.IllegalArgumentException", e.attributes().get("exception.type"));
    assertEquals("bad input", e.attributes().get("exception.message"));
    assertTrue(((String) e.attributes().get("exception.stacktrace")).contains("SpanLimitsTest"));
    assertEquals(StatusCode.ERROR, d.statusCode());
    assertEquals("bad input", d.statusDescription());
  }

  @Test
  void recordExceptionTakesAttributesThatWinOverTheDerivedOnes() {
    Span span = tracer(SpanLimits.defaults()).spanBuilder("s").startSpan();
    span.recordException(new IllegalStateException("password = 'hunter9'"),
        Attributes.of("exception.message", "password = ?", "exception.stacktrace", "redacted trace", "extra", 1L));
    span.end();
    Attributes a = ended.get(0).events().get(0).attributes();
    assertEquals("java.lang.IllegalStateException", a.get("exception.type"));
    assertEquals("password = ?", a.get("exception.message"));
    assertEquals("redacted trace", a.get("exception.stacktrace"));
    assertEquals(1L, a.get("extra"));
  }

  @Test
  void okIsFinalAndUnsetChangesNothing() {
    Tracer tracer = tracer(SpanLimits.defaults());
    Span a = tracer.spanBuilder("a").startSpan();
    a.setStatus(StatusCode.OK, null);
    a.setStatus(StatusCode.ERROR, "later");
    a.end();
    Span b = tracer.spanBuilder("b").startSpan();
    b.setStatus(StatusCode.ERROR, "failed");
    b.setStatus(StatusCode.UNSET, null);
    b.end();
    assertEquals(StatusCode.OK, ended.get(0).statusCode());
    assertEquals(StatusCode.ERROR, ended.get(1).statusCode());
  }

  @Test
  void endTwiceEndsOnceAndChangesAfterEndAreIgnored() {
    Span span = tracer(SpanLimits.defaults()).spanBuilder("s").startSpan();
    span.end();
    span.setAttribute("late", "x");
    span.updateName("renamed");
    span.end();
    assertEquals(1, ended.size());
    assertEquals("s", ended.get(0).name());
    assertEquals(null, ended.get(0).attributes().get("late"));
  }

  @Test
  void durationsAreNeverNegativeAndChildrenShareTheTrace() {
    Tracer tracer = tracer(SpanLimits.defaults());
    Span parent = tracer.spanBuilder("parent").startSpan();
    Span child = tracer.spanBuilder("child").setParent(Context.root().with(parent)).startSpan();
    child.end();
    parent.end();
    for (RecordingSpan s : ended) {
      assertTrue(s.endEpochNanos() >= s.startEpochNanos());
      assertTrue(s.startEpochNanos() > 1_600_000_000_000_000_000L, "epoch-anchored nanoseconds");
    }
    assertEquals(parent.spanContext().traceIdHex(), child.spanContext().traceIdHex());
    assertEquals(parent.spanContext().spanId(), ended.get(0).parentSpanContext().spanId());
    // an explicit end time before the start is clamped, never negative
    Span early = tracer.spanBuilder("early").startSpan();
    early.end(1);
    RecordingSpan e = ended.get(2);
    assertEquals(e.startEpochNanos(), e.endEpochNanos());
  }
}
