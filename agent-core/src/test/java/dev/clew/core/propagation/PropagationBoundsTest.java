package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile or careless peer sends never grows beyond the W3C limits on the way to the next hop: for every
 * propagator that carries baggage, 180 members and 8,192 bytes in and out; {@code tracestate} at most 512
 * characters out, and invalid lists dropped whole.
 */
class PropagationBoundsTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final TextMapPropagator ALL = Propagators.fromNames(
      Arrays.asList("tracecontext", "baggage", "b3", "b3multi", "jaeger"));

  static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }

  /** Hostile incoming headers, each as name/value pairs. */
  static Stream<Arguments> hostileBaggage() {
    List<Arguments> cases = new ArrayList<>();
    for (int size : new int[] {20 * 1024, 1024 * 1024}) {
      cases.add(Arguments.of("uberctx- value of " + size + " bytes",
          new String[] {"uberctx-big", repeat('x', size), "uberctx-small", "kept"}, 1));
      cases.add(Arguments.of("baggage value of " + size + " bytes",
          new String[] {"baggage", "big=" + repeat('x', size) + ",small=kept"}, 1));
      cases.add(Arguments.of("jaeger-baggage value of " + size + " bytes",
          new String[] {"jaeger-baggage", "big=" + repeat('x', size) + ",small=kept"}, 1));
    }
    List<String> many = new ArrayList<>();
    StringBuilder w3c = new StringBuilder();
    StringBuilder adHoc = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.add("uberctx-k" + i);
      many.add("v" + i);
      w3c.append(i == 0 ? "" : ",").append("k").append(i).append("=v").append(i);
      adHoc.append(i == 0 ? "" : ", ").append("k").append(i).append("=v").append(i);
    }
    cases.add(Arguments.of("1,000 uberctx- headers", many.toArray(new String[0]), BaggageBudget.MAX_MEMBERS));
    cases.add(Arguments.of("1,000 baggage members", new String[] {"baggage", w3c.toString()},
        BaggageBudget.MAX_MEMBERS));
    cases.add(Arguments.of("1,000 jaeger-baggage members", new String[] {"jaeger-baggage", adHoc.toString()},
        BaggageBudget.MAX_MEMBERS));
    List<String> fat = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fat.add("uberctx-f" + i);
      fat.add(repeat('y', 1000));
    }
    cases.add(Arguments.of("100 uberctx- headers of 1,000 bytes", fat.toArray(new String[0]), 8));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBaggage")
  void extractedBaggageIsBoundedPerPropagator(String name, String[] headers, int expectedMembers) {
    Carrier in = Carrier.of(headers);
    for (TextMapPropagator p : Arrays.asList(W3CBaggagePropagator.INSTANCE, JaegerPropagator.INSTANCE)) {
      Baggage b = Baggage.fromContext(p.extract(Context.root(), in, Carrier.GETTER));
      if (b.isEmpty()) {
        continue; // not this propagator's header
      }
      assertEquals(expectedMembers, b.size(), name + " through " + p);
      assertTrue(b.size() <= BaggageBudget.MAX_MEMBERS);
      int bytes = 0;
      for (int i = 0; i < b.size(); i++) {
        bytes += b.key(i).length() + b.value(i).length();
      }
      assertTrue(bytes <= BaggageBudget.MAX_BYTES, name + ": " + bytes + " bytes");
      assertNull(b.get("big"), "an oversized member is left out whole");
      if (expectedMembers == 1) {
        assertEquals("kept", b.get("small"), "a member after the oversized one still fits");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBaggage")
  void whatReachesTheNextHopIsBounded(String name, String[] headers, int ignored) {
    Carrier in = Carrier.of("traceparent", TRACEPARENT);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      in.add(headers[i], headers[i + 1]);
    }
    Context extracted = ALL.extract(Context.root(), in, Carrier.GETTER);
    assertTrue(Span.fromContext(extracted).spanContext().isValid(), "the parent survives hostile baggage");
    Carrier out = new Carrier();
    ALL.inject(extracted, out, Carrier.SETTER);
    assertOutgoingBounded(name, out);
  }

  @Test
  void injectionIsBoundedWhateverTheContextHolds() {
    Baggage.Builder b = Baggage.builder();
    b.put("huge", repeat('h', 1024 * 1024), "");
    for (int i = 0; i < 1000; i++) {
      b.put("k" + i, "value with spaces and % signs " + i, "");
    }
    Context ctx = b.build().storeIn(Context.root().with(Span.wrap(SpanContext.create(1, 2, 3,
        SpanContext.FLAG_SAMPLED, null))));
    Carrier out = new Carrier();
    ALL.inject(ctx, out, Carrier.SETTER);
    assertOutgoingBounded("1,000 entries and 1 MB in the context", out);
    assertTrue(out.get("baggage").startsWith("k0="), "the oversized entry is skipped, the next ones go: " + out);
    assertTrue(out.get("uberctx-k0") != null, out::toString);
  }

  private static void assertOutgoingBounded(String name, Carrier out) {
    int uberctx = 0;
    int uberctxBytes = 0;
    int total = 0;
    for (String header : Carrier.GETTER.keys(out)) {
      String value = out.get(header);
      total += header.length() + value.length();
      if (header.toLowerCase(Locale.ROOT).startsWith("uberctx-")) {
        uberctx++;
        uberctxBytes += header.length() + value.length();
      }
    }
    assertTrue(uberctx <= BaggageBudget.MAX_MEMBERS, name + ": " + uberctx + " uberctx- headers");
    assertTrue(uberctxBytes <= BaggageBudget.MAX_BYTES, name + ": " + uberctxBytes + " bytes of uberctx-");
    String baggage = out.get("baggage");
    if (baggage != null) {
      assertTrue(baggage.length() <= BaggageBudget.MAX_BYTES, name + ": baggage of " + baggage.length());
      assertTrue(baggage.split(",").length <= BaggageBudget.MAX_MEMBERS, name);
    }
    // trace headers are fixed-size, tracestate at most 512: everything together stays well under 17 KB
    assertTrue(total <= 2 * BaggageBudget.MAX_BYTES + 1024, name + ": " + total + " bytes injected");
  }

  @Test
  void tracestateLongerThan512IsCutByWholeMembersLongOnesFirst() {
    List<String> members = new ArrayList<>();
    members.add("first=1");
    members.add("long=" + repeat('l', 200));
    for (int i = 0; i < 30; i++) {
      members.add("v" + i + "=" + repeat('x', 20));
    }
    Carrier in = Carrier.of("traceparent", TRACEPARENT, "tracestate", String.join(",", members));
    Context ctx = W3CTraceContextPropagator.INSTANCE.extract(Context.root(), in, Carrier.GETTER);
    String state = Span.fromContext(ctx).spanContext().traceState().toHeader();
    assertTrue(state.length() <= TraceStateParser.MAX_LENGTH, state.length() + ": " + state);
    assertTrue(state.startsWith("first=1,v0="), "the long member went first, the order is kept: " + state);
    assertTrue(!state.contains("v29="), "then members from the end: " + state);
    for (String m : state.split(",")) {
      assertTrue(members.contains(m), "whole members only: " + m);
    }
    Carrier out = new Carrier();
    W3CTraceContextPropagator.INSTANCE.inject(ctx.with(Span.wrap(SpanContext.create(1, 2, 3,
        SpanContext.FLAG_SAMPLED, Span.fromContext(ctx).spanContext().traceState()))), out, Carrier.SETTER);
    assertEquals(state, out.get("tracestate"));
  }

  @Test
  void thirtyTwoMaximalMembersAreCutTo512() {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      members.add("k" + i + "=" + repeat((char) ('a' + i % 26), 256));
    }
    Carrier in = Carrier.of("traceparent", TRACEPARENT, "tracestate", String.join(",", members));
    String state = Span.fromContext(W3CTraceContextPropagator.INSTANCE.extract(Context.root(), in, Carrier.GETTER))
        .spanContext().traceState().toHeader();
    assertEquals(members.get(0), state, "long members go from the end until the list fits");
    assertEquals(Collections.emptyList(), TraceStateParser.bounded(new ArrayList<>()));
  }

  /** Lists that break Level 1 are dropped whole, never propagated in part, whatever comes before or after. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidTracestates")
  void invalidTracestateIsDroppedWhole(String tracestate) {
    Carrier in = Carrier.of("traceparent", TRACEPARENT, "tracestate", "good=1," + tracestate + ",other=2");
    Context ctx = ALL.extract(Context.root(), in, Carrier.GETTER);
    assertTrue(Span.fromContext(ctx).spanContext().isValid(), "traceparent still gives the parent");
    assertEquals("", Span.fromContext(ctx).spanContext().traceState().toHeader());
    Carrier out = new Carrier();
    ALL.inject(ctx, out, Carrier.SETTER);
    assertNull(out.get("tracestate"), out::toString);
  }

  static Stream<String> invalidTracestates() {
    return Stream.of(
        "good=3", // duplicate key
        "k" + repeat('a', 256) + "=1", // simple key of 257
        repeat('t', 242) + "@sys=1", // tenant of 242
        "tenant@" + repeat('s', 15) + "=1", // system of 15
        "Tenant@sys=1", // upper case tenant
        "tenant@Sys=1", // upper case system
        "tenant@1sys=1", // system starting with a digit
        "_tenant@sys=1", // tenant starting with '_'
        "a@b@c=1", // two '@'
        "@sys=1", "tenant@=1",
        "a=" + repeat('v', 257), // value too long
        "a=\u00e9");
  }
}
