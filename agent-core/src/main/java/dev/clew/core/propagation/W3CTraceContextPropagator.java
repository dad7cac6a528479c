package dev.clew.core.propagation;

import dev.clew.core.context.Context;
import dev.clew.core.trace.Ids;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

/** W3C Trace Context Level 1: {@code traceparent} and {@code tracestate}. */
public final class W3CTraceContextPropagator implements TextMapPropagator {
  public static final W3CTraceContextPropagator INSTANCE = new W3CTraceContextPropagator();
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";
  private static final Collection<String> FIELDS = Collections.unmodifiableList(Arrays.asList(TRACEPARENT, TRACESTATE));

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    SpanContext sc = Span.fromContext(context).spanContext();
    if (!sc.isValid()) {
      return;
    }
    char[] c = new char[55];
    c[0] = '0';
    c[1] = '0';
    c[2] = '-';
    Headers.fillTraceId(c, 3, sc);
    c[35] = '-';
    Ids.fill(c, 36, sc.spanId());
    c[52] = '-';
    c[53] = '0';
    c[54] = sc.isSampled() ? '1' : '0';
    setter.set(carrier, TRACEPARENT, new String(c));
    if (!sc.traceState().isEmpty()) {
      setter.set(carrier, TRACESTATE, sc.traceState().toHeader());
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (carrier == null) {
      return context;
    }
    try {
      Iterator<String> parents = getter.getAll(carrier, TRACEPARENT);
      if (parents == null || !parents.hasNext()) {
        return context;
      }
      String traceparent = parents.next();
      if (parents.hasNext()) {
        return context; // several traceparent headers: invalid
      }
      SpanContext parsed = parseTraceparent(traceparent, TraceState.EMPTY);
      if (parsed == null) {
        return context; // and tracestate is not looked at
      }
      Iterator<String> states = getter.getAll(carrier, TRACESTATE);
      TraceState state = states == null ? TraceState.EMPTY : TraceStateParser.parse(states);
      SpanContext sc = state.isEmpty() ? parsed : SpanContext.createFromRemote(parsed.traceIdHigh(),
          parsed.traceIdLow(), parsed.spanId(), parsed.flags(), state);
      return context.with(Span.wrap(sc));
    } catch (RuntimeException e) {
      return context;
    }
  }

  /**
   * Parses a {@code traceparent} value; null when invalid. Version {@code 00} must be exactly 55
   * characters; a higher version (not {@code ff}) is read by its version-00 prefix, and may only
   * continue after a {@code -}. Hex is lower case only; all-zero ids are invalid.
   */
  static SpanContext parseTraceparent(String v, TraceState state) {
    if (v == null) {
      return null;
    }
    v = Headers.trimOws(v);
    if (v.length() < 55) {
      return null;
    }
    if (!Ids.isLowerHex(v, 0, 2) || v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
      return null;
    }
    boolean version00 = v.charAt(0) == '0' && v.charAt(1) == '0';
    if (v.charAt(0) == 'f' && v.charAt(1) == 'f') {
      return null; // version ff is forbidden
    }
    if (version00 && v.length() != 55) {
      return null;
    }
    if (!version00 && v.length() > 55 && v.charAt(55) != '-') {
      return null; // a future version may append fields, but only after a dash
    }
    boolean[] ok = {true};
    long hi = Ids.parseHex(v, 3, 16, ok);
    long lo = Ids.parseHex(v, 19, 16, ok);
    long span = Ids.parseHex(v, 36, 16, ok);
    long flags = Ids.parseHex(v, 53, 2, ok);
    if (!ok[0] || (hi == 0 && lo == 0) || span == 0) {
      return null;
    }
    // Level 1 defines only the sampled bit; other bits (of any version) are not ours to forward
    return SpanContext.createFromRemote(hi, lo, span, (byte) (flags & SpanContext.FLAG_SAMPLED), state);
  }
}
