package dev.clew.core.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated header values fed to every extractor. Nothing may escape; whatever is accepted
 * must be valid and survive inject/extract unchanged; and for the id headers an independent regular
 * expression of the format (the oracle) must agree on what is valid.
 */
class PropagatorFuzzTest {
  static final int ROUNDS = 10_000;
  static final String[] SEEDS = {
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-future",
      "463ac35c9f6413ad48485a3953bb6124-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90",
      "a3ce929d0e0e4736-e457b5a2e4d86bd1-d",
      "463ac35c9f6413ad48485a3953bb6124:e457b5a2e4d86bd1:0:1",
      "abc%3A1%3A0%3A3",
      "k=v;p=1,k2=hello%20world;flag, k3 = %E2%82%AC",
      "vendor=opaque,t@sys=x y,a=1",
      "0", "1", "d", "true",
  };
  static final String ALPHABET = "0123456789abcdefABCDEFxz-:;,=% \t@*/_.\u00e9\u0000\u00ff\u20ac";

  static final Pattern TRACEPARENT = Pattern.compile(
      "[ \t]*([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*?)?[ \t]*", Pattern.DOTALL);
  static final Pattern B3 = Pattern.compile(
      "[ \t]*([0-9a-f]{16}|[0-9a-f]{32})-([0-9a-f]{16})(?:-[01d](?:-([0-9a-f]{16}))?)?[ \t]*");
  static final Pattern JAEGER = Pattern.compile(
      "[ \t]*([0-9a-fA-F]{1,32}):([0-9a-fA-F]{1,16}):[0-9a-fA-F]{1,16}:[0-9a-fA-F]{1,2}[ \t]*");

  final Random random = new Random(20261124L);

  @Test
  void tracecontext() {
    for (int i = 0; i < ROUNDS; i++) {
      String v = value();
      Carrier c = Carrier.of("traceparent", v, "tracestate", value());
      SpanContext sc = extractChecked(W3CTraceContextPropagator.INSTANCE, c);
      Matcher m = TRACEPARENT.matcher(v);
      boolean oracle = m.matches() && !m.group(1).equals("ff") && nonZero(m.group(2)) && nonZero(m.group(3))
          && (m.group(1).equals("00") ? m.group(5) == null : true);
      assertEquals(oracle, sc.isValid(), "traceparent '" + v + "'");
    }
  }

  @Test
  void b3Single() {
    for (int i = 0; i < ROUNDS; i++) {
      String v = value();
      SpanContext sc = extractChecked(B3Propagator.SINGLE, Carrier.of("b3", v));
      Matcher m = B3.matcher(v);
      boolean oracle = m.matches() && nonZero(m.group(1)) && nonZero(m.group(2))
          && (m.group(3) == null || nonZero(m.group(3)));
      assertEquals(oracle, sc.isValid(), "b3 '" + v + "'");
    }
  }

  @Test
  void b3Multi() {
    for (int i = 0; i < ROUNDS; i++) {
      Carrier c = Carrier.of("X-B3-TraceId", value(), "X-B3-SpanId", value(), "X-B3-ParentSpanId", value(),
          "X-B3-Sampled", value(), "X-B3-Flags", value());
      extractChecked(B3Propagator.MULTI, c);
    }
  }

  @Test
  void jaeger() {
    for (int i = 0; i < ROUNDS; i++) {
      String v = value();
      SpanContext sc = extractChecked(JaegerPropagator.INSTANCE, Carrier.of("uber-trace-id", v, "uberctx-" + key(),
          value()));
      Matcher m = JAEGER.matcher(v.replace("%3A", ":").replace("%3a", ":"));
      boolean oracle = m.matches() && nonZero(m.group(1)) && nonZero(m.group(2));
      assertEquals(oracle, sc.isValid(), "uber-trace-id '" + v + "'");
    }
  }

  @Test
  void baggage() {
    for (int i = 0; i < ROUNDS; i++) {
      extractChecked(W3CBaggagePropagator.INSTANCE, Carrier.of("baggage", value(), "baggage", value()));
    }
  }

  @Test
  void everythingAtOnce() {
    TextMapPropagator all = Propagators.fromNames(java.util.Arrays.asList("tracecontext", "baggage", "b3",
        "b3multi", "jaeger"));
    for (int i = 0; i < ROUNDS; i++) {
      Carrier c = new Carrier();
      for (String f : new String[] {"traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId", "X-B3-SpanId",
          "X-B3-Sampled", "X-B3-Flags", "uber-trace-id", "uberctx-" + key(), "jaeger-baggage"}) {
        if (random.nextInt(3) > 0) {
          c.add(f, value());
        }
      }
      extractChecked(all, c);
    }
  }

  /** Extracts; anything accepted must be a valid remote context that survives inject/extract unchanged. */
  private SpanContext extractChecked(TextMapPropagator p, Carrier c) {
    Context ctx;
    try {
      ctx = p.extract(Context.root(), c, Carrier.GETTER);
    } catch (Throwable t) {
      fail("extract threw for " + c, t);
      return null;
    }
    SpanContext sc = Span.fromContext(ctx).spanContext();
    if (Span.fromContext(ctx) != Span.invalid()) {
      assertTrue(sc.isValid(), "accepted an invalid context from " + c);
      assertTrue(sc.isRemote());
      assertTrue(sc.flags() == 0 || sc.flags() == SpanContext.FLAG_SAMPLED);
    }
    Carrier again = new Carrier();
    p.inject(ctx, again, Carrier.SETTER);
    Context back = p.extract(Context.root(), again, Carrier.GETTER);
    if (sc.isValid()) {
      assertEquals(sc, Span.fromContext(back).spanContext(), "re-injected " + again + " from " + c);
    }
    Baggage b = Baggage.fromContext(ctx);
    if (!b.isEmpty() && p.fields().contains("baggage")) {
      // compared without metadata: with several formats, jaeger's uberctx (no metadata) is read last
      assertEquals(valuesOnly(b), valuesOnly(Baggage.fromContext(back)), "re-injected " + again + " from " + c);
    }
    return sc;
  }

  private static Baggage valuesOnly(Baggage b) {
    Baggage.Builder out = Baggage.builder();
    for (int i = 0; i < b.size(); i++) {
      out.put(b.key(i), b.value(i), "");
    }
    return out.build();
  }

  private String value() {
    switch (random.nextInt(4)) {
      case 0:
        return randomString(random.nextInt(70));
      default:
        return mutate(SEEDS[random.nextInt(SEEDS.length)]);
    }
  }

  private String key() {
    return Integer.toString(random.nextInt(50), 36);
  }

  private String randomString(int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private String mutate(String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int n = random.nextInt(4);
    for (int k = 0; k < n; k++) {
      int pos = sb.length() == 0 ? 0 : random.nextInt(sb.length());
      switch (random.nextInt(8)) {
        case 0: // replace
          if (sb.length() > 0) {
            sb.setCharAt(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
          break;
        case 1: // insert
          sb.insert(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 2: // delete
          if (sb.length() > 0) {
            sb.deleteCharAt(pos);
          }
          break;
        case 3: // truncate
          sb.setLength(pos);
          break;
        case 4: // flip case
          if (sb.length() > 0) {
            char ch = sb.charAt(pos);
            sb.setCharAt(pos, Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
          }
          break;
        case 5: // duplicate a part
          sb.insert(pos, sb.substring(pos, Math.min(sb.length(), pos + 1 + random.nextInt(20))));
          break;
        case 6: // zero a run
          for (int i = pos; i < Math.min(sb.length(), pos + 16); i++) {
            if (Character.isLetterOrDigit(sb.charAt(i))) {
              sb.setCharAt(i, '0');
            }
          }
          break;
        default: // surrounding whitespace
          sb.insert(0, ' ').append('\t');
      }
    }
    return sb.toString();
  }

  private static boolean nonZero(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      if (hex.charAt(i) != '0') {
        return true;
      }
    }
    return false;
  }
}
