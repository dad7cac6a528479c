package dev.clew.core.trace;

/**
 * What identifies a span across processes: 128-bit trace id, 64-bit span id, trace flags and
 * trace state. Immutable; hex forms are computed on first use and cached.
 */
public final class SpanContext {
  public static final byte FLAG_SAMPLED = 0x01;
  public static final SpanContext INVALID = new SpanContext(0, 0, 0, (byte) 0, TraceState.EMPTY, false);

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;
  private final TraceState traceState;
  private final boolean remote;
  private String traceIdHex;
  private String spanIdHex;

  private SpanContext(long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState, boolean remote) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState == null ? TraceState.EMPTY : traceState;
    this.remote = remote;
  }

  public static SpanContext create(long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, false);
  }

  /** A context extracted from a carrier (it belongs to a span of another process). */
  public static SpanContext createFromRemote(long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, true);
  }

  public long traceIdHigh() {
    return traceIdHigh;
  }

  public long traceIdLow() {
    return traceIdLow;
  }

  public long spanId() {
    return spanId;
  }

  public byte flags() {
    return flags;
  }

  public TraceState traceState() {
    return traceState;
  }

  public boolean isRemote() {
    return remote;
  }

  public boolean isSampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  public boolean isValid() {
    return (traceIdHigh != 0 || traceIdLow != 0) && spanId != 0;
  }

  public String traceIdHex() {
    String s = traceIdHex;
    if (s == null) {
      traceIdHex = s = Ids.traceIdHex(traceIdHigh, traceIdLow);
    }
    return s;
  }

  public String spanIdHex() {
    String s = spanIdHex;
    if (s == null) {
      spanIdHex = s = Ids.spanIdHex(spanId);
    }
    return s;
  }

  /** Two hex digits of the trace flags, as in {@code traceparent}. */
  public String flagsHex() {
    int f = flags & 0xFF;
    if (f == 1) {
      return "01"; // the usual values, without building a string (log correlation asks on every context change)
    }
    if (f == 0) {
      return "00";
    }
    return "" + Character.forDigit(f >> 4, 16) + Character.forDigit(f & 0xF, 16);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SpanContext)) {
      return false;
    }
    SpanContext c = (SpanContext) o;
    return c.traceIdHigh == traceIdHigh && c.traceIdLow == traceIdLow && c.spanId == spanId
        && c.flags == flags && c.remote == remote && c.traceState.equals(traceState);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(traceIdLow) * 31 + Long.hashCode(spanId);
  }

  @Override
  public String toString() {
    return "SpanContext{" + traceIdHex() + "/" + spanIdHex() + " flags=" + flagsHex()
        + (traceState.isEmpty() ? "" : " tracestate=" + traceState) + (remote ? " remote" : "") + "}";
  }
}
