package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class B3PropagatorTest {
  static final String T128 = "463ac35c9f6413ad48485a3953bb6124";
  static final String T64 = "a3ce929d0e0e4736";
  static final String SPAN = "e457b5a2e4d86bd1";
  static final String PARENT = "05e3ac9a4f6e3b90";

  static Context single(String b3) {
    return B3Propagator.SINGLE.extract(Context.root(), Carrier.of("b3", b3), Carrier.GETTER);
  }

  static Context multi(String... headers) {
    return B3Propagator.MULTI.extract(Context.root(), Carrier.of(headers), Carrier.GETTER);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // b3 | trace id | sampled | flags in context
      T128 + "-" + SPAN + "-1 | " + T128 + " | true | SAMPLED",
      T128 + "-" + SPAN + "-0 | " + T128 + " | false | NOT_SAMPLED",
      T128 + "-" + SPAN + "-d | " + T128 + " | true | DEBUG",
      T128 + "-" + SPAN + " | " + T128 + " | false | DEFERRED",
      T128 + "-" + SPAN + "-1-" + PARENT + " | " + T128 + " | true | SAMPLED",
      T64 + "-" + SPAN + "-1 | 0000000000000000" + T64 + " | true | SAMPLED",
      "'  " + T64 + "-" + SPAN + "-0\t' | 0000000000000000" + T64 + " | false | NOT_SAMPLED",
  })
  void validSingle(String b3, String traceId, boolean sampled, SamplingFlags flags) {
    Context ctx = single(b3);
    SpanContext sc = Span.fromContext(ctx).spanContext();
    assertTrue(sc.isValid(), b3);
    assertTrue(sc.isRemote());
    assertEquals(traceId, sc.traceIdHex());
    assertEquals(SPAN, sc.spanIdHex());
    assertEquals(sampled, sc.isSampled());
    assertEquals(flags, ctx.get(SamplingFlags.KEY));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      "x",
      "2",
      "D",
      "-",
      T128 + "-" + SPAN + "-",
      T128 + "-" + SPAN + "-2",
      T128 + "-" + SPAN + "-true",
      T128 + "-" + SPAN + "-1-",
      T128 + "-" + SPAN + "-1-05e3ac9a4f6e3b9",
      T128 + "-" + SPAN + "-1-0000000000000000",
      T128 + "-" + SPAN + "-1-" + PARENT + "-x",
      T128 + "-" + SPAN + "-1-05E3AC9A4F6E3B90",
      T128 + "-" + SPAN + "1",
      T128 + "-" + "E457B5A2E4D86BD1" + "-1",
      "463AC35C9F6413AD48485A3953BB6124-" + SPAN + "-1",
      "463ac35c9f6413ad48485a3953bb612-" + SPAN + "-1",
      "463ac35c9f6413ad48485a3953bb61245-" + SPAN + "-1",
      "a3ce929d0e0e473-" + SPAN + "-1",
      "00000000000000000000000000000000-" + SPAN + "-1",
      "0000000000000000-" + SPAN + "-1",
      T128 + "-0000000000000000-1",
      T128 + "-e457b5a2e4d86bd-1",
      T128 + "_" + SPAN + "_1",
      T128 + SPAN,
      T128 + "-" + SPAN + " -1",
  })
  void invalidSingleGivesNoParent(String b3) {
    Context ctx = single(b3);
    assertFalse(Span.fromContext(ctx).spanContext().isValid(), b3);
    assertNull(ctx.get(SamplingFlags.KEY), "no partial result");
  }

  @ParameterizedTest(name = "[{index}] b3: {0}")
  @CsvSource({"0, NOT_SAMPLED", "1, SAMPLED", "d, DEBUG"})
  void samplingOnlySingleHeaderGivesNoParentButADecision(String b3, SamplingFlags flags) {
    Context ctx = single(b3);
    assertFalse(Span.fromContext(ctx).spanContext().isValid());
    assertEquals(flags, ctx.get(SamplingFlags.KEY));
  }

  @Test
  void validMulti() {
    Context ctx = multi("X-B3-TraceId", T128, "X-B3-SpanId", SPAN, "X-B3-ParentSpanId", PARENT, "X-B3-Sampled", "1");
    assertEquals(T128, Span.fromContext(ctx).spanContext().traceIdHex());
    assertTrue(Span.fromContext(ctx).spanContext().isSampled());
    assertEquals(SamplingFlags.SAMPLED, ctx.get(SamplingFlags.KEY));

    ctx = multi("x-b3-traceid", T64, "x-b3-spanid", SPAN, "x-b3-sampled", "0");
    assertEquals("0000000000000000" + T64, Span.fromContext(ctx).spanContext().traceIdHex(), "64-bit id left-padded");
    assertFalse(Span.fromContext(ctx).spanContext().isSampled());

    ctx = multi("X-B3-TraceId", T128, "X-B3-SpanId", SPAN, "X-B3-Sampled", "true");
    assertTrue(Span.fromContext(ctx).spanContext().isSampled(), "true/false from older tracers");
    ctx = multi("X-B3-TraceId", T128, "X-B3-SpanId", SPAN, "X-B3-Sampled", "false");
    assertEquals(SamplingFlags.NOT_SAMPLED, ctx.get(SamplingFlags.KEY));

    ctx = multi("X-B3-TraceId", T128, "X-B3-SpanId", SPAN, "X-B3-Flags", "1");
    assertTrue(Span.fromContext(ctx).spanContext().isSampled(), "debug implies sampled");
    assertEquals(SamplingFlags.DEBUG, ctx.get(SamplingFlags.KEY));

    ctx = multi("X-B3-TraceId", T128, "X-B3-SpanId", SPAN);
    assertEquals(SamplingFlags.DEFERRED, ctx.get(SamplingFlags.KEY));
    assertFalse(Span.fromContext(ctx).spanContext().isSampled());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // trace | span | parent | sampled | flags
      "null | " + SPAN + " | null | 1 | null",
      T128 + " | null | null | 1 | null",
      T128 + " | " + SPAN + " | null | 2 | null",
      T128 + " | " + SPAN + " | null | yes | null",
      T128 + " | " + SPAN + " | null | 1 | 2",
      T128 + " | " + SPAN + " | 05e3ac9a4f6e3b9 | 1 | null",
      T128 + " | " + SPAN + " | 0000000000000000 | 1 | null",
      "463AC35C9F6413AD48485A3953BB6124" + " | " + SPAN + " | null | 1 | null",
      T128 + " | " + "E457B5A2E4D86BD1" + " | null | 1 | null",
      "00000000000000000000000000000000 | " + SPAN + " | null | 1 | null",
      T128 + " | 0000000000000000 | null | 1 | null",
      "abc | " + SPAN + " | null | 1 | null",
      T128 + "0 | " + SPAN + " | null | 1 | null",
      T128 + " | " + SPAN + "0 | null | 1 | null",
  })
  void invalidMultiGivesNoParent(String trace, String span, String parent, String sampled, String flags) {
    Carrier c = new Carrier();
    if (trace != null) {
      c.add("X-B3-TraceId", trace);
    }
    if (span != null) {
      c.add("X-B3-SpanId", span);
    }
    if (parent != null) {
      c.add("X-B3-ParentSpanId", parent);
    }
    if (sampled != null) {
      c.add("X-B3-Sampled", sampled);
    }
    if (flags != null) {
      c.add("X-B3-Flags", flags);
    }
    Context ctx = B3Propagator.MULTI.extract(Context.root(), c, Carrier.GETTER);
    assertSame(Context.root(), ctx, c.toString());
  }

  @Test
  void samplingOnlyMultiHeaders() {
    assertEquals(SamplingFlags.NOT_SAMPLED, multi("X-B3-Sampled", "0").get(SamplingFlags.KEY));
    assertEquals(SamplingFlags.SAMPLED, multi("X-B3-Sampled", "1").get(SamplingFlags.KEY));
    assertEquals(SamplingFlags.DEBUG, multi("X-B3-Flags", "1").get(SamplingFlags.KEY));
    assertFalse(Span.fromContext(multi("X-B3-Sampled", "0")).spanContext().isValid());
  }

  @Test
  void eachExtractsTheOtherEncodingToo() {
    Context ctx = B3Propagator.SINGLE.extract(Context.root(),
        Carrier.of("X-B3-TraceId", T128, "X-B3-SpanId", SPAN, "X-B3-Sampled", "1"), Carrier.GETTER);
    assertTrue(Span.fromContext(ctx).spanContext().isValid());
    ctx = B3Propagator.MULTI.extract(Context.root(), Carrier.of("b3", T128 + "-" + SPAN + "-1"), Carrier.GETTER);
    assertTrue(Span.fromContext(ctx).spanContext().isValid());
  }

  @Test
  void injectSingle() {
    SpanContext sc = SpanContext.create(0, 0xa3ce929d0e0e4736L, 0xe457b5a2e4d86bd1L, SpanContext.FLAG_SAMPLED,
        TraceState.EMPTY);
    Carrier c = new Carrier();
    B3Propagator.SINGLE.inject(Context.root().with(Span.wrap(sc)), c, Carrier.SETTER);
    assertEquals("0000000000000000" + T64 + "-" + SPAN + "-1", c.get("b3"));
    assertEquals(1, c.size());
  }

  @Test
  void debugIsReemitted() {
    Context in = single(T128 + "-" + SPAN + "-d");
    // a child span in this process, still under the extracted context
    SpanContext child = SpanContext.create(Span.fromContext(in).spanContext().traceIdHigh(),
        Span.fromContext(in).spanContext().traceIdLow(), 0x1234L, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    Context out = in.with(Span.wrap(child));
    Carrier c = new Carrier();
    B3Propagator.SINGLE.inject(out, c, Carrier.SETTER);
    assertEquals(T128 + "-0000000000001234-d", c.get("b3"));
    c = new Carrier();
    B3Propagator.MULTI.inject(out, c, Carrier.SETTER);
    assertEquals("1", c.get("X-B3-Flags"));
    assertNull(c.get("X-B3-Sampled"), "debug implies sampled: not sent with it");
    assertEquals(T128, c.get("X-B3-TraceId"));
    assertEquals("0000000000001234", c.get("X-B3-SpanId"));
  }

  @Test
  void roundTrip() {
    Random r = new Random(3);
    for (B3Propagator p : new B3Propagator[] {B3Propagator.SINGLE, B3Propagator.MULTI}) {
      for (int i = 0; i < 1000; i++) {
        SpanContext sc = RoundTrips.randomContext(r, TraceState.EMPTY);
        Carrier c = new Carrier();
        p.inject(Context.root().with(Span.wrap(sc)), c, Carrier.SETTER);
        Context back = p.extract(Context.root(), c, Carrier.GETTER);
        assertEquals(RoundTrips.asRemote(sc), Span.fromContext(back).spanContext(), c.toString());
        assertEquals(sc.isSampled() ? SamplingFlags.SAMPLED : SamplingFlags.NOT_SAMPLED, back.get(SamplingFlags.KEY));
        Carrier again = new Carrier();
        p.inject(back, again, Carrier.SETTER);
        assertEquals(c.toString(), again.toString());
      }
      Context debug = p.extract(Context.root(), Carrier.of("b3", T128 + "-" + SPAN + "-d"), Carrier.GETTER);
      Carrier c = new Carrier();
      p.inject(debug, c, Carrier.SETTER);
      assertEquals(SamplingFlags.DEBUG, p.extract(Context.root(), c, Carrier.GETTER).get(SamplingFlags.KEY));
    }
  }
}
