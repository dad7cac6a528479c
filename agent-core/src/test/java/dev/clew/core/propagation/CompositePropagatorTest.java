package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class CompositePropagatorTest {
  static final String W3C_TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String B3_TRACE = "463ac35c9f6413ad48485a3953bb6124";
  static final String SPAN = "b7ad6b7169203331";

  static TextMapPropagator of(String names) {
    return Propagators.fromConfig(Config.of(Collections.singletonMap("otel.propagators", names)));
  }

  static Carrier both() {
    return Carrier.of("traceparent", "00-" + W3C_TRACE + "-" + SPAN + "-01", "b3", B3_TRACE + "-" + SPAN + "-1");
  }

  static String traceId(TextMapPropagator p, Carrier c) {
    return Span.fromContext(p.extract(Context.root(), c, Carrier.GETTER)).spanContext().traceIdHex();
  }

  @Test
  void defaultIsTracecontextAndBaggage() {
    TextMapPropagator p = Propagators.fromConfig(Config.of(Collections.<String, String>emptyMap()));
    assertEquals(Arrays.asList("traceparent", "tracestate", "baggage"), p.fields());
  }

  @Test
  void theFirstFormatWithAValidContextWins() {
    assertEquals(W3C_TRACE, traceId(of("tracecontext,b3"), both()));
    assertEquals(B3_TRACE, traceId(of("b3,tracecontext"), both()));
    Carrier badW3c = Carrier.of("traceparent", "00-" + W3C_TRACE + "-" + SPAN + "-0x", "b3",
        B3_TRACE + "-" + SPAN + "-1");
    assertEquals(B3_TRACE, traceId(of("tracecontext,b3"), badW3c));
  }

  @Test
  void aLaterFormatOnlyAddsBaggage() {
    Carrier c = both();
    c.add("uber-trace-id", "1:2:0:3");
    c.add("uberctx-user", "ann");
    c.add("baggage", "tier=gold");
    Context ctx = of("tracecontext,b3,jaeger,baggage").extract(Context.root(), c, Carrier.GETTER);
    assertEquals(W3C_TRACE, Span.fromContext(ctx).spanContext().traceIdHex());
    assertNull(ctx.get(SamplingFlags.KEY), "jaeger's debug flag belongs to the context it lost with");
    assertEquals("ann", Baggage.fromContext(ctx).get("user"));
    assertEquals("gold", Baggage.fromContext(ctx).get("tier"));
  }

  @Test
  void theCarrierWinsOverASpanAlreadyInTheContext() {
    SpanContext local = SpanContext.create(1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Context ctx = of("tracecontext").extract(Context.root().with(Span.wrap(local)), both(), Carrier.GETTER);
    assertEquals(W3C_TRACE, Span.fromContext(ctx).spanContext().traceIdHex());
  }

  @Test
  void aNewParentDoesNotInheritTheDebugFlagOfTheContextItWasExtractedIn() {
    TextMapPropagator p = of("tracecontext,b3");
    Context debug = p.extract(Context.root(), Carrier.of("b3", B3_TRACE + "-" + SPAN + "-d"), Carrier.GETTER);
    assertEquals(SamplingFlags.DEBUG, debug.get(SamplingFlags.KEY));
    Context next = p.extract(debug, Carrier.of("traceparent", "00-" + W3C_TRACE + "-" + SPAN + "-01"), Carrier.GETTER);
    assertEquals(W3C_TRACE, Span.fromContext(next).spanContext().traceIdHex());
    Carrier out = new Carrier();
    p.inject(next, out, Carrier.SETTER);
    assertEquals(W3C_TRACE + "-" + SPAN + "-1", out.get("b3"));
    Context nothingNew = p.extract(debug, Carrier.of("baggage", "a=1"), Carrier.GETTER);
    assertEquals(SamplingFlags.DEBUG, nothingNew.get(SamplingFlags.KEY), "same parent: the flag still applies");
  }

  @Test
  void injectionWritesEveryFormat() {
    SpanContext sc = SpanContext.create(1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Carrier c = new Carrier();
    Context ctx = Baggage.empty().with("k", "v").storeIn(Context.root().with(Span.wrap(sc)));
    of("tracecontext,baggage,b3,b3multi,jaeger").inject(ctx, c, Carrier.SETTER);
    assertEquals("00-00000000000000010000000000000002-0000000000000003-01", c.get("traceparent"));
    assertEquals("k=v", c.get("baggage"));
    assertEquals("00000000000000010000000000000002-0000000000000003-1", c.get("b3"));
    assertEquals("00000000000000010000000000000002", c.get("X-B3-TraceId"));
    assertEquals("1", c.get("X-B3-Sampled"));
    assertEquals("00000000000000010000000000000002:0000000000000003:0:1", c.get("uber-trace-id"));
    assertEquals("v", c.get("uberctx-k"));
  }

  @Test
  void unknownNamesAreSkippedAndNoneDisables() {
    TextMapPropagator p = of("tracecontext, nonsense ,B3");
    assertEquals(Arrays.asList("traceparent", "tracestate", "b3"), p.fields());
    assertEquals(W3C_TRACE, traceId(p, both()));

    TextMapPropagator none = of("none");
    assertTrue(none.fields().isEmpty());
    assertSame(Context.root(), none.extract(Context.root(), both(), Carrier.GETTER));
    Carrier c = new Carrier();
    none.inject(Context.root().with(Span.wrap(SpanContext.create(1, 2, 3, (byte) 1, TraceState.EMPTY))), c,
        Carrier.SETTER);
    assertEquals(0, c.size());
  }

  @Test
  void aGetterThatThrowsYieldsNoParent() {
    TextMapGetter<Carrier> broken = new TextMapGetter<Carrier>() {
      @Override
      public Iterable<String> keys(Carrier carrier) {
        throw new IllegalStateException("boom");
      }

      @Override
      public String get(Carrier carrier, String key) {
        throw new IllegalStateException("boom");
      }

      @Override
      public Iterator<String> getAll(Carrier carrier, String key) {
        throw new IllegalStateException("boom");
      }
    };
    Context ctx = of("tracecontext,baggage,b3,b3multi,jaeger").extract(Context.root(), both(), broken);
    assertSame(Context.root(), ctx);
    assertFalse(Span.fromContext(ctx).spanContext().isValid());
  }
}
