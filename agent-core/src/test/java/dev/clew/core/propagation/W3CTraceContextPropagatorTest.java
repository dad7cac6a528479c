package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.context.Context;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class W3CTraceContextPropagatorTest {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN = "b7ad6b7169203331";
  static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.INSTANCE;

  static SpanContext extract(Carrier c) {
    return Span.fromContext(W3C.extract(Context.root(), c, Carrier.GETTER)).spanContext();
  }

  static SpanContext extract(String traceparent) {
    return extract(Carrier.of("traceparent", traceparent));
  }

  static String state(String... tracestates) {
    Carrier c = Carrier.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01");
    for (String s : tracestates) {
      c.add("tracestate", s);
    }
    SpanContext sc = extract(c);
    assertTrue(sc.isValid());
    return sc.traceState().toHeader();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // traceparent | trace id | span id | sampled
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01 | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | true",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00 | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | false",
      // only the sampled bit is known to Level 1
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-03 | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | true",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-fe | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | false",
      // ids with many zeros but not all zero
      "00-00000000000000000000000000000001-0000000000000001-01 | 00000000000000000000000000000001 | 0000000000000001 | true",
      "00-10000000000000000000000000000000-8000000000000000-01 | 10000000000000000000000000000000 | 8000000000000000 | true",
      // future versions: the version-00 prefix is read, the rest ignored
      "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01 | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | true",
      "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what-the-future-holds | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | true",
      "fe-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-09- | 0af7651916cd43dd8448eb211c80319c | b7ad6b7169203331 | true",
  })
  void validTraceparent(String header, String traceId, String spanId, boolean sampled) {
    SpanContext sc = extract(header);
    assertTrue(sc.isValid(), header);
    assertTrue(sc.isRemote());
    assertEquals(traceId, sc.traceIdHex());
    assertEquals(spanId, sc.spanIdHex());
    assertEquals(sampled, sc.isSampled());
    assertEquals(sampled ? 1 : 0, sc.flags(), "unknown flag bits are not forwarded");
  }

  @Test
  void optionalWhitespaceAroundTheValueIsAccepted() {
    assertTrue(extract(" \t00-" + TRACE + "-" + SPAN + "-01 ").isValid());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      "00",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0", // short
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-011", // long for version 00
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-", // version 00 takes no more fields
      "00-0af7651916cd43dd8448eb211c80319-b7ad6b7169203331-01", // trace id 31 digits
      "00-0af7651916cd43dd8448eb211c80319cc-b7ad6b716920333-01", // dash moved
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333-01", // span id 15 digits
      "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", // upper-case trace id
      "00-0af7651916cd43dd8448eb211c80319c-B7AD6B7169203331-01", // upper-case span id
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0A", // upper-case flags
      "0A-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", // upper-case version
      "00-00000000000000000000000000000000-b7ad6b7169203331-01", // zero trace id
      "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", // zero span id
      "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", // version ff is forbidden
      "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
      "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01.extra", // future fields only after a dash
      "0g-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", // version not hex
      "00_0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331_01", // separators
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331_01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0x",
      "00-0af7651916cd43dd8448eb211c80319z-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b71692033-1-01",
      "00-0af7651916cd43dd 8448eb211c80319c-b7ad6b7169203331-01", // inner whitespace
      "0-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "000-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01,00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
  })
  void invalidTraceparentGivesNoParent(String header) {
    assertFalse(extract(header).isValid(), header);
  }

  @Test
  void severalTraceparentHeadersAreInvalid() {
    Carrier c = Carrier.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01", "traceparent",
        "00-" + TRACE + "-" + SPAN + "-01");
    assertFalse(extract(c).isValid());
  }

  @Test
  void tracestateWithoutValidTraceparentIsIgnored() {
    Context ctx = W3C.extract(Context.root(), Carrier.of("traceparent", "00-bad", "tracestate", "a=1"),
        Carrier.GETTER);
    assertTrue(ctx.isRoot());
    ctx = W3C.extract(Context.root(), Carrier.of("tracestate", "a=1"), Carrier.GETTER);
    assertTrue(ctx.isRoot());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "a=1,b=2 | a=1,b=2",
      "a=1 ,\tb=2 | a=1,b=2",
      "a=1,,b=2 | a=1,b=2",
      "a=1, ,b=2 | a=1,b=2",
      "' , a=1 , ' | a=1",
      "a=hello world | a=hello world",
      "a=1 | a=1",
      "vendor@tenant=1,1tenant@x=2,a-b_c*d/e=3 | vendor@tenant=1,1tenant@x=2,a-b_c*d/e=3",
      // invalid members or duplicates: the whole value is dropped
      "a=1,a=2 | ''",
      "A=1 | ''",
      "1a=1 | ''",
      "a@1b=1 | ''",
      "a@bcdefghijklmno=1 | a@bcdefghijklmno=1",
      "a@bcdefghijklmnop=1 | ''",
      "@b=1 | ''",
      "a@=1 | ''",
      "a=1=2 | ''",
      "a= | ''",
      "a | ''",
      "=1 | ''",
      "a=1,b | ''",
      "a b=1 | ''",
      "a=\u00e9 | ''",
      "'a=1\u0001' | ''",
  })
  void tracestate(String header, String expected) {
    assertEquals(expected, state(header));
  }

  @Test
  void tracestateValuesMayHoldAnyPrintableAsciiButCommaAndEquals() {
    String value = "!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~ inner space";
    assertEquals("a=" + value, state("a=" + value));
  }

  @Test
  void severalTracestateHeadersAreCombinedInOrder() {
    assertEquals("a=1,b=2,c=3", state("a=1", "b=2,c=3"));
    assertEquals("", state("a=1", "a=2"), "a duplicate across headers is still a duplicate");
  }

  @Test
  void tracestateMemberAndSizeLimits() {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      members.add("k" + i + "=v" + i);
    }
    String thirtyTwo = String.join(",", members);
    assertEquals(thirtyTwo, state(thirtyTwo));
    assertEquals("", state(thirtyTwo + ",k32=v32"), "more than 32 members");
    String key256 = "k" + repeat('a', 255);
    assertEquals(key256 + "=1", state(key256 + "=1"));
    assertEquals("", state(key256 + "a=1"));
    String value256 = repeat('v', 256);
    assertEquals("a=" + value256, state("a=" + value256));
    assertEquals("", state("a=" + value256 + "v"));
    String tenant241 = repeat('t', 241);
    assertEquals(tenant241 + "@sys=1", state(tenant241 + "@sys=1"));
    assertEquals("", state(tenant241 + "t@sys=1"));
  }

  @Test
  void injectWritesVersion00AndTracestate() {
    SpanContext sc = SpanContext.create(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
        SpanContext.FLAG_SAMPLED, TraceState.ofValidated(Arrays.asList("a", "1", "b", "2")));
    Carrier c = new Carrier();
    W3C.inject(Context.root().with(Span.wrap(sc)), c, Carrier.SETTER);
    assertEquals("00-" + TRACE + "-" + SPAN + "-01", c.get("traceparent"));
    assertEquals("a=1,b=2", c.get("tracestate"));
  }

  @Test
  void injectWritesNothingForAnInvalidContext() {
    Carrier c = new Carrier();
    W3C.inject(Context.root(), c, Carrier.SETTER);
    assertEquals(0, c.size());
    assertNull(c.get("traceparent"));
  }

  @Test
  void ourEntryGoesFirstAndTheListStaysWithin32() {
    List<String> kv = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      kv.add("k" + i);
      kv.add("v" + i);
    }
    TraceState ts = TraceState.ofValidated(kv).withFirst("clew", "x");
    assertEquals(32, ts.size());
    assertEquals("clew", ts.key(0));
    assertEquals("k30", ts.key(31), "the right-most member is removed");
  }

  @Test
  void roundTrip() {
    Random r = new Random(42);
    for (int i = 0; i < 1000; i++) {
      SpanContext sc = RoundTrips.randomContext(r, i % 3 == 0
          ? TraceState.ofValidated(Arrays.asList("a", "x" + i, "t@v", "y")) : TraceState.EMPTY);
      Carrier c = new Carrier();
      W3C.inject(Context.root().with(Span.wrap(sc)), c, Carrier.SETTER);
      assertEquals(RoundTrips.asRemote(sc), extract(c));
    }
  }

  static String repeat(char ch, int n) {
    char[] c = new char[n];
    Arrays.fill(c, ch);
    return new String(c);
  }
}
