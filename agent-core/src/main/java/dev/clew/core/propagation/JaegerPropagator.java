package dev.clew.core.propagation;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.trace.Ids;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Collection;
import java.util.Collections;

/**
 * Jaeger: {@code uber-trace-id: {trace-id}:{span-id}:{parent-span-id}:{flags}} and baggage in
 * {@code uberctx-{key}} headers (URL-encoded values; {@code jaeger-baggage: k=v, k2=v2} is read too).
 * Baggage keys must be HTTP tokens (they become header names); others are skipped. The limits of
 * {@link BaggageBudget} apply to the baggage read (all {@code uberctx-*} headers and {@code jaeger-baggage}
 * together, each member counted as header name plus value) and to the {@code uberctx-*} headers written.
 * <ul>
 *   <li>Ids are hex of either case with leading zeros optional: trace id 1 to 32 digits (64 or 128 bits),
 *       span and parent span id 1 to 16; all-zero trace or span ids are invalid. The value may be URL-encoded
 *       ({@code %3A} for {@code :}).</li>
 *   <li>Flags (1 or 2 hex digits): {@code 0x01} sampled, {@code 0x02} debug (treated as sampled, kept as
 *       {@link SamplingFlags#DEBUG} and re-emitted as flags {@code 3}); other bits are ignored.</li>
 *   <li>Baggage is extracted even without a valid {@code uber-trace-id}, and merged into the context's.</li>
 * </ul>
 * Injection writes a 32-digit trace id, a 16-digit span id and parent {@code 0} (the field is deprecated).
 */
public final class JaegerPropagator implements TextMapPropagator {
  public static final JaegerPropagator INSTANCE = new JaegerPropagator();
  public static final String TRACE_HEADER = "uber-trace-id";
  public static final String BAGGAGE_PREFIX = "uberctx-";
  public static final String BAGGAGE_HEADER = "jaeger-baggage";
  private static final Collection<String> FIELDS = Collections.singletonList(TRACE_HEADER);

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (carrier == null) {
      return;
    }
    SpanContext sc = Span.fromContext(context).spanContext();
    if (sc.isValid()) {
      boolean debug = sc.isSampled() && context.get(SamplingFlags.KEY) == SamplingFlags.DEBUG;
      char[] c = new char[32 + 1 + 16 + 5];
      Headers.fillTraceId(c, 0, sc);
      c[32] = ':';
      Ids.fill(c, 33, sc.spanId());
      c[49] = ':';
      c[50] = '0';
      c[51] = ':';
      c[52] = debug ? '3' : sc.isSampled() ? '1' : '0';
      setter.set(carrier, TRACE_HEADER, new String(c, 0, 53));
    }
    Baggage baggage = context.get(Baggage.KEY);
    if (baggage != null && !baggage.isEmpty()) {
      injectBaggage(baggage, carrier, setter);
    }
  }

  private static <C> void injectBaggage(Baggage baggage, C carrier, TextMapSetter<C> setter) {
    BaggageBudget budget = new BaggageBudget();
    for (int i = 0; i < baggage.size() && !budget.isFull(); i++) {
      String key = baggage.key(i);
      if (!W3CBaggagePropagator.isToken(key, 0, key.length())
          || BAGGAGE_PREFIX.length() + key.length() + baggage.value(i).length() > BaggageBudget.MAX_BYTES) {
        continue; // too long even before encoding, which only lengthens it
      }
      String value = urlEncode(baggage.value(i));
      if (budget.take(BAGGAGE_PREFIX.length() + key.length() + value.length())) {
        setter.set(carrier, BAGGAGE_PREFIX + key, value);
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (carrier == null) {
      return context;
    }
    Context result = context;
    try {
      Context withParent = extractTraceId(context, getter.get(carrier, TRACE_HEADER));
      if (withParent != null) {
        result = withParent;
      }
    } catch (RuntimeException e) {
      // malformed: no parent
    }
    try {
      Baggage extracted = extractBaggage(carrier, getter);
      if (extracted != null) {
        result = Baggage.fromContext(result).merge(extracted).storeIn(result);
      }
    } catch (RuntimeException e) {
      // malformed baggage: none
    }
    return result;
  }

  /** Null when {@code raw} is not a valid {@code uber-trace-id}. */
  static Context extractTraceId(Context context, String raw) {
    if (raw == null) {
      return null;
    }
    String v = Headers.trimOws(raw);
    if (v.indexOf('%') >= 0) {
      v = v.replace("%3A", ":").replace("%3a", ":");
    }
    int c1 = v.indexOf(':');
    int c2 = c1 < 0 ? -1 : v.indexOf(':', c1 + 1);
    int c3 = c2 < 0 ? -1 : v.indexOf(':', c2 + 1);
    if (c3 < 0 || v.indexOf(':', c3 + 1) >= 0) {
      return null;
    }
    int traceLen = c1;
    if (traceLen < 1 || traceLen > 32 || c2 - c1 - 1 < 1 || c2 - c1 - 1 > 16 || c3 - c2 - 1 < 1
        || c3 - c2 - 1 > 16 || v.length() - c3 - 1 < 1 || v.length() - c3 - 1 > 2) {
      return null;
    }
    boolean[] ok = {true};
    long hi = traceLen > 16 ? parseHex(v, 0, traceLen - 16, ok) : 0;
    long lo = parseHex(v, Math.max(0, traceLen - 16), Math.min(16, traceLen), ok);
    long span = parseHex(v, c1 + 1, c2 - c1 - 1, ok);
    parseHex(v, c2 + 1, c3 - c2 - 1, ok); // parent: deprecated, validated only
    long flags = parseHex(v, c3 + 1, v.length() - c3 - 1, ok);
    SamplingFlags f = (flags & 0x02) != 0 ? SamplingFlags.DEBUG
        : (flags & 0x01) != 0 ? SamplingFlags.SAMPLED : SamplingFlags.NOT_SAMPLED;
    return Headers.withRemoteParent(context, ok[0], hi, lo, span, f);
  }

  private static <C> Baggage extractBaggage(C carrier, TextMapGetter<C> getter) {
    Baggage.Builder b = null;
    BaggageBudget budget = new BaggageBudget();
    Iterable<String> keys = getter.keys(carrier);
    if (keys != null) {
      for (String key : keys) {
        if (budget.isFull()) {
          break;
        }
        if (key == null || key.length() <= BAGGAGE_PREFIX.length()
            || !key.regionMatches(true, 0, BAGGAGE_PREFIX, 0, BAGGAGE_PREFIX.length())
            || !W3CBaggagePropagator.isToken(key, BAGGAGE_PREFIX.length(), key.length())) {
          continue;
        }
        String raw = getter.get(carrier, key);
        // the size is checked on the raw value, before any decoding work
        if (raw == null || !budget.take(key.length() + raw.length())) {
          continue;
        }
        String value = urlDecode(raw);
        if (value != null) {
          if (b == null) {
            b = Baggage.builder();
          }
          b.put(key.substring(BAGGAGE_PREFIX.length()), value, ""); // the key as the carrier spells it
        }
      }
    }
    String adHoc = getter.get(carrier, BAGGAGE_HEADER);
    if (adHoc != null) {
      int from = 0;
      while (from <= adHoc.length() && !budget.isFull()) {
        int comma = adHoc.indexOf(',', from);
        int to = comma < 0 ? adHoc.length() : comma;
        int eq = adHoc.indexOf('=', from);
        if (eq > from && eq < to && to - from <= BaggageBudget.MAX_BYTES - budget.bytes()) {
          String k = adHoc.substring(from, eq).trim();
          String val = adHoc.substring(eq + 1, to).trim();
          if (W3CBaggagePropagator.isToken(k, 0, k.length()) && budget.take(k.length() + 1 + val.length())) {
            if (b == null) {
              b = Baggage.builder();
            }
            b.put(k, val, "");
          }
        }
        from = to + 1;
      }
    }
    return b == null ? null : b.build();
  }

  /** Hex of either case, at most 16 digits. */
  private static long parseHex(String s, int from, int len, boolean[] ok) {
    long v = 0;
    for (int i = from; i < from + len; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        ok[0] = false;
        return 0;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static String urlEncode(String v) {
    try {
      return URLEncoder.encode(v, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      return v;
    }
  }

  private static String urlDecode(String v) {
    if (v == null) {
      return null;
    }
    try {
      return URLDecoder.decode(v, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      return null;
    }
  }
}
