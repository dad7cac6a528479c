package dev.clew.core.propagation;

import dev.clew.core.context.Context;
import dev.clew.core.trace.Ids;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;

/**
 * Zipkin B3, as the single {@code b3} header ({@code b3}) or as the {@code X-B3-*} headers
 * ({@code b3multi}). Both extract either encoding (single first); each injects its own.
 * <ul>
 *   <li>Ids are lower-case hex: trace id 16 or 32 characters (16 are left-padded to 128 bits), span id 16;
 *       an all-zero id, a malformed parent span id or a malformed sampling state rejects the whole header.</li>
 *   <li>Debug ({@code d}, {@code X-B3-Flags: 1}) means sampled; it is kept as {@link SamplingFlags#DEBUG} in the
 *       context and re-emitted downstream ({@code -d}, {@code X-B3-Flags: 1}).</li>
 *   <li>Ids without a sampling state: the receiver decides ({@link SamplingFlags#DEFERRED}).</li>
 *   <li>A sampling state without ids ({@code b3: 0}, {@code X-B3-Sampled: 0} alone) gives no parent: the next span
 *       starts a new trace, and a parent-based sampler follows the upstream decision.</li>
 * </ul>
 * The trace id is always written with 32 characters; the parent span id is not written (optional).
 */
public final class B3Propagator implements TextMapPropagator {
  public static final B3Propagator SINGLE = new B3Propagator(true);
  public static final B3Propagator MULTI = new B3Propagator(false);

  public static final String B3 = "b3";
  public static final String TRACE_ID = "X-B3-TraceId";
  public static final String SPAN_ID = "X-B3-SpanId";
  public static final String PARENT_SPAN_ID = "X-B3-ParentSpanId";
  public static final String SAMPLED = "X-B3-Sampled";
  public static final String FLAGS = "X-B3-Flags";

  private final boolean singleHeader;
  private final Collection<String> fields;

  private B3Propagator(boolean singleHeader) {
    this.singleHeader = singleHeader;
    this.fields = singleHeader ? Collections.singletonList(B3)
        : Collections.unmodifiableList(Arrays.asList(TRACE_ID, SPAN_ID, PARENT_SPAN_ID, SAMPLED, FLAGS));
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    SpanContext sc = Span.fromContext(context).spanContext();
    if (!sc.isValid() || carrier == null) {
      return;
    }
    boolean debug = sc.isSampled() && context.get(SamplingFlags.KEY) == SamplingFlags.DEBUG;
    if (singleHeader) {
      char[] c = new char[32 + 1 + 16 + 2];
      Headers.fillTraceId(c, 0, sc);
      c[32] = '-';
      Ids.fill(c, 33, sc.spanId());
      c[49] = '-';
      c[50] = debug ? 'd' : sc.isSampled() ? '1' : '0';
      setter.set(carrier, B3, new String(c));
    } else {
      setter.set(carrier, TRACE_ID, sc.traceIdHex());
      setter.set(carrier, SPAN_ID, sc.spanIdHex());
      if (debug) {
        setter.set(carrier, FLAGS, "1"); // debug implies sampled: X-B3-Sampled is not sent with it
      } else {
        setter.set(carrier, SAMPLED, sc.isSampled() ? "1" : "0");
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (carrier == null) {
      return context;
    }
    try {
      Context single = extractSingle(context, getter.get(carrier, B3));
      return single != null ? single : extractMulti(context, carrier, getter);
    } catch (RuntimeException e) {
      return context;
    }
  }

  /** Null when there is no valid {@code b3} header. */
  static Context extractSingle(Context context, String raw) {
    if (raw == null) {
      return null;
    }
    String v = Headers.trimOws(raw);
    if (v.length() == 1) {
      SamplingFlags f = samplingState(v.charAt(0));
      return f == null ? null : context.with(SamplingFlags.KEY, f);
    }
    int traceLen = v.indexOf('-');
    if (traceLen != 16 && traceLen != 32) {
      return null;
    }
    int spanStart = traceLen + 1;
    int spanEnd = spanStart + 16;
    if (v.length() < spanEnd || (v.length() > spanEnd && v.charAt(spanEnd) != '-')) {
      return null;
    }
    SamplingFlags flags = SamplingFlags.DEFERRED;
    if (v.length() > spanEnd) {
      // "-{state}" and optionally "-{parent span id}"
      if (v.length() != spanEnd + 2 && v.length() != spanEnd + 2 + 17) {
        return null;
      }
      flags = samplingState(v.charAt(spanEnd + 1));
      if (flags == null) {
        return null;
      }
      if (v.length() > spanEnd + 2 && (v.charAt(spanEnd + 2) != '-' || !validSpanId(v, spanEnd + 3))) {
        return null;
      }
    }
    boolean[] ok = {true};
    long hi = traceLen == 32 ? Ids.parseHex(v, 0, 16, ok) : 0;
    long lo = Ids.parseHex(v, traceLen - 16, 16, ok);
    long span = Ids.parseHex(v, spanStart, 16, ok);
    return Headers.withRemoteParent(context, ok[0], hi, lo, span, flags);
  }

  private static <C> Context extractMulti(Context context, C carrier, TextMapGetter<C> getter) {
    String traceId = trimmed(getter.get(carrier, TRACE_ID));
    String spanId = trimmed(getter.get(carrier, SPAN_ID));
    String sampled = trimmed(getter.get(carrier, SAMPLED));
    String debugFlag = trimmed(getter.get(carrier, FLAGS));
    SamplingFlags flags;
    if ("1".equals(debugFlag)) {
      flags = SamplingFlags.DEBUG;
    } else if (debugFlag != null && !"0".equals(debugFlag)) {
      return context;
    } else if (sampled == null) {
      flags = SamplingFlags.DEFERRED;
    } else if ("1".equals(sampled) || "true".equalsIgnoreCase(sampled)) {
      flags = SamplingFlags.SAMPLED; // "true"/"false" from tracers older than the B3 spec are accepted
    } else if ("0".equals(sampled) || "false".equalsIgnoreCase(sampled)) {
      flags = SamplingFlags.NOT_SAMPLED;
    } else {
      return context;
    }
    if (traceId == null && spanId == null) {
      return flags == SamplingFlags.DEFERRED ? context : context.with(SamplingFlags.KEY, flags);
    }
    if (traceId == null || spanId == null || (traceId.length() != 16 && traceId.length() != 32)
        || spanId.length() != 16) {
      return context;
    }
    String parent = trimmed(getter.get(carrier, PARENT_SPAN_ID));
    if (parent != null && (parent.length() != 16 || !validSpanId(parent, 0))) {
      return context;
    }
    boolean[] ok = {true};
    int tl = traceId.length();
    long hi = tl == 32 ? Ids.parseHex(traceId, 0, 16, ok) : 0;
    long lo = Ids.parseHex(traceId, tl - 16, 16, ok);
    long span = Ids.parseHex(spanId, 0, 16, ok);
    Context c = Headers.withRemoteParent(context, ok[0], hi, lo, span, flags);
    return c == null ? context : c;
  }

  private static SamplingFlags samplingState(char c) {
    switch (c) {
      case '1':
        return SamplingFlags.SAMPLED;
      case '0':
        return SamplingFlags.NOT_SAMPLED;
      case 'd':
        return SamplingFlags.DEBUG;
      default:
        return null;
    }
  }

  private static boolean validSpanId(String s, int from) {
    if (s.length() < from + 16 || !Ids.isLowerHex(s, from, 16)) {
      return false;
    }
    boolean[] ok = {true};
    return Ids.parseHex(s, from, 16, ok) != 0;
  }

  private static String trimmed(String v) {
    return v == null ? null : Headers.trimOws(v);
  }
}
