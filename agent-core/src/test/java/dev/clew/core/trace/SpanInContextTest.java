package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import org.junit.jupiter.api.Test;

/** The span travels in the context under trace's own key, beside baggage and whatever else it carries. */
class SpanInContextTest {
  private static Span span(long id) {
    return Span.wrap(SpanContext.create(1, 2, id, SpanContext.FLAG_SAMPLED, TraceState.EMPTY));
  }

  @Test
  void aContextWithoutASpanHasTheInvalidSpan() {
    assertSame(Span.invalid(), Span.fromContext(Context.root()));
    assertSame(Span.invalid(), Span.fromContext(Baggage.empty().with("k", "v").storeIn(Context.root())));
  }

  @Test
  void theSpanIsFoundBesideBaggageWhicheverCameFirst() {
    Span s = span(7);
    Baggage b = Baggage.empty().with("user", "ann");
    Context spanFirst = Context.root().with(s).with(b);
    Context baggageFirst = Context.root().with(b).with(s);
    for (Context c : new Context[] {spanFirst, baggageFirst}) {
      assertSame(s, Span.fromContext(c));
      assertEquals("ann", Baggage.fromContext(c).get("user"));
    }
  }

  @Test
  void storingTheSameSpanAgainGivesTheSameContext() {
    Span s = span(7);
    Context c = Context.root().with(s);
    assertSame(c, c.with(s));
    assertSame(Context.root(), Context.root().with(Span.invalid()), "the root already has the invalid span");
    Context other = c.with(span(8));
    assertEquals(8, Span.fromContext(other).spanContext().spanId());
    assertEquals(7, Span.fromContext(c).spanContext().spanId());
  }

  @Test
  void currentFollowsTheScope() {
    Span s = span(9);
    assertSame(Span.invalid(), Span.current());
    try (Scope ignored = Context.current().with(s).makeCurrent()) {
      assertSame(s, Span.current());
    }
    assertSame(Span.invalid(), Span.current());
  }
}
