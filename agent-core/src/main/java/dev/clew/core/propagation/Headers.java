package dev.clew.core.propagation;

import dev.clew.core.context.Context;
import dev.clew.core.trace.Ids;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;

/** Small helpers shared by the header formats. */
final class Headers {
  private Headers() {}

  /** {@code v} without leading and trailing optional whitespace (space, tab), as HTTP defines it. */
  static String trimOws(String v) {
    int b = 0;
    int e = v.length();
    while (b < e && (v.charAt(b) == ' ' || v.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (v.charAt(e - 1) == ' ' || v.charAt(e - 1) == '\t')) {
      e--;
    }
    return b == 0 && e == v.length() ? v : v.substring(b, e);
  }

  /** Writes the 32 hex digits of the trace id at {@code offset}. */
  static void fillTraceId(char[] dest, int offset, SpanContext sc) {
    Ids.fill(dest, offset, sc.traceIdHigh());
    Ids.fill(dest, offset + 16, sc.traceIdLow());
  }

  /**
   * The context with a remote parent built from parsed ids (sampled when the flags say so) and its
   * upstream sampling flags; null when the ids did not parse or are zero.
   */
  static Context withRemoteParent(Context context, boolean parsed, long hi, long lo, long spanId,
      SamplingFlags flags) {
    if (!parsed || (hi == 0 && lo == 0) || spanId == 0) {
      return null;
    }
    byte f = flags.isSampled() ? SpanContext.FLAG_SAMPLED : 0;
    SpanContext sc = SpanContext.createFromRemote(hi, lo, spanId, f, TraceState.EMPTY);
    return context.with(Span.wrap(sc)).with(SamplingFlags.KEY, flags);
  }
}
