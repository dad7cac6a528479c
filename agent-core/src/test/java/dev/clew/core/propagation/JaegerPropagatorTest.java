package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JaegerPropagatorTest {
  static final JaegerPropagator JAEGER = JaegerPropagator.INSTANCE;

  static Context extract(String value) {
    return JAEGER.extract(Context.root(), Carrier.of("uber-trace-id", value), Carrier.GETTER);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // uber-trace-id | trace id | span id | sampled | flags
      "463ac35c9f6413ad48485a3953bb6124:e457b5a2e4d86bd1:0:1 | 463ac35c9f6413ad48485a3953bb6124 | e457b5a2e4d86bd1 | true | SAMPLED",
      "463ac35c9f6413ad48485a3953bb6124:e457b5a2e4d86bd1:05e3ac9a4f6e3b90:0 | 463ac35c9f6413ad48485a3953bb6124 | e457b5a2e4d86bd1 | false | NOT_SAMPLED",
      "a3ce929d0e0e4736:e457b5a2e4d86bd1:0:1 | 0000000000000000a3ce929d0e0e4736 | e457b5a2e4d86bd1 | true | SAMPLED",
      // leading zeros omitted, either case
      "1:2:0:1 | 00000000000000000000000000000001 | 0000000000000002 | true | SAMPLED",
      "abc1234567890abcdef:F00D:0:01 | 0000000000000abc1234567890abcdef | 000000000000f00d | true | SAMPLED",
      "463AC35C9F6413AD48485A3953BB6124:E457B5A2E4D86BD1:0:1 | 463ac35c9f6413ad48485a3953bb6124 | e457b5a2e4d86bd1 | true | SAMPLED",
      // debug flag: sampled, kept as DEBUG; other bits ignored
      "1:2:0:3 | 00000000000000000000000000000001 | 0000000000000002 | true | DEBUG",
      "1:2:0:2 | 00000000000000000000000000000001 | 0000000000000002 | true | DEBUG",
      "1:2:0:8 | 00000000000000000000000000000001 | 0000000000000002 | false | NOT_SAMPLED",
      "1:2:0:ff | 00000000000000000000000000000001 | 0000000000000002 | true | DEBUG",
      // URL-encoded separators
      "463ac35c9f6413ad48485a3953bb6124%3Ae457b5a2e4d86bd1%3A0%3A1 | 463ac35c9f6413ad48485a3953bb6124 | e457b5a2e4d86bd1 | true | SAMPLED",
      "1%3a2%3a0%3a0 | 00000000000000000000000000000001 | 0000000000000002 | false | NOT_SAMPLED",
  })
  void valid(String header, String traceId, String spanId, boolean sampled, SamplingFlags flags) {
    Context ctx = extract(header);
    SpanContext sc = Span.fromContext(ctx).spanContext();
    assertTrue(sc.isValid(), header);
    assertTrue(sc.isRemote());
    assertEquals(traceId, sc.traceIdHex());
    assertEquals(spanId, sc.spanIdHex());
    assertEquals(sampled, sc.isSampled());
    assertEquals(flags, ctx.get(SamplingFlags.KEY));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      ":::",
      "1:2:0",
      "1:2:0:1:5",
      "1:2::1",
      ":2:0:1",
      "1::0:1",
      "1:2:0:",
      "0:2:0:1",
      "00000000000000000000000000000000:2:0:1",
      "1:0:0:1",
      "1:0000000000000000:0:1",
      "463ac35c9f6413ad48485a3953bb61240:e457b5a2e4d86bd1:0:1", // 33 digits
      "1:e457b5a2e4d86bd10:0:1", // 17 digits
      "1:2:05e3ac9a4f6e3b900:1",
      "1:2:0:100",
      "1:2:0:x",
      "1:2:x:1",
      "g:2:0:1",
      "1:2-0:1",
      "1;2;0;1",
      "1%3A2%3A0%3",
      "1%2:0:1",
      "-1:2:0:1",
      "+1:2:0:1",
      "1 :2:0:1",
      "\u0661:2:0:1",
  })
  void invalidGivesNoParent(String header) {
    Context ctx = extract(header);
    assertFalse(Span.fromContext(ctx).spanContext().isValid(), header);
    assertSame(Context.root(), ctx, "no partial result");
  }

  @Test
  void injectWritesPaddedIdsAndFlags() {
    SpanContext sc = SpanContext.create(0, 1, 2, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Carrier c = new Carrier();
    JAEGER.inject(Context.root().with(Span.wrap(sc)), c, Carrier.SETTER);
    assertEquals("00000000000000000000000000000001:0000000000000002:0:1", c.get("uber-trace-id"));
    Carrier d = new Carrier();
    JAEGER.inject(extract("1:2:0:3"), d, Carrier.SETTER);
    assertEquals("00000000000000000000000000000001:0000000000000002:0:3", d.get("uber-trace-id"), "debug re-emitted");
  }

  @Test
  void baggageBothWays() {
    Carrier in = Carrier.of("uber-trace-id", "1:2:0:1", "uberctx-user", "J%C3%B6rg+Smith", "UberCtx-Tier", "gold",
        "uberctx-", "ignored", "jaeger-baggage", "k1=v1, k2 = v2");
    Context ctx = JAEGER.extract(Context.root(), in, Carrier.GETTER);
    Baggage b = Baggage.fromContext(ctx);
    assertEquals("J\u00f6rg Smith", b.get("user"));
    assertEquals("gold", b.get("Tier"), "the key as the carrier spells it");
    assertEquals("v1", b.get("k1"));
    assertEquals("v2", b.get("k2"));
    assertEquals(4, b.size());

    Carrier out = new Carrier();
    JAEGER.inject(ctx, out, Carrier.SETTER);
    assertEquals("J%C3%B6rg+Smith", out.get("uberctx-user"));
    assertEquals("gold", out.get("uberctx-Tier"));
    assertEquals("00000000000000000000000000000001:0000000000000002:0:1", out.get("uber-trace-id"));
  }

  @Test
  void baggageWithoutTraceIdIsStillRead() {
    Context ctx = JAEGER.extract(Context.root(), Carrier.of("uber-trace-id", "bad", "uberctx-a", "1"),
        Carrier.GETTER);
    assertFalse(Span.fromContext(ctx).spanContext().isValid());
    assertEquals("1", Baggage.fromContext(ctx).get("a"));
    ctx = JAEGER.extract(Context.root(), Carrier.of("uberctx-a", "%zz"), Carrier.GETTER);
    assertNull(Baggage.fromContext(ctx).get("a"), "a value that does not URL-decode is skipped");
  }

  @Test
  void roundTrip() {
    Random r = new Random(11);
    for (int i = 0; i < 1000; i++) {
      SpanContext sc = RoundTrips.randomContext(r, TraceState.EMPTY);
      Baggage b = Baggage.empty().with("k" + i, W3CBaggagePropagatorTest.randomValue(r));
      Carrier c = new Carrier();
      JAEGER.inject(b.storeIn(Context.root().with(Span.wrap(sc))), c, Carrier.SETTER);
      Context back = JAEGER.extract(Context.root(), c, Carrier.GETTER);
      assertEquals(RoundTrips.asRemote(sc), Span.fromContext(back).spanContext(), c.toString());
      assertEquals(b, Baggage.fromContext(back));
    }
  }
}
