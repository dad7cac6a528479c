package dev.clew.core.trace;

/** Decides, when a span starts, whether it is recorded and sampled. Must be thread-safe and cheap. */
public interface Sampler {
  /**
   * @param parent the parent span's context, {@link SpanContext#INVALID} for a root span
   * @param traceIdHigh the high half of the (new or inherited) trace id
   * @param traceIdLow the low half of the trace id
   */
  SamplingDecision shouldSample(SpanContext parent, long traceIdHigh, long traceIdLow, String name, SpanKind kind);

  /**
   * As {@link #shouldSample(SpanContext, long, long, String, SpanKind)}, with the upstream
   * {@link SamplingFlags} the parent context carries (null when none). Only parent-based samplers read
   * them; the others ignore them.
   */
  default SamplingDecision shouldSample(SpanContext parent, SamplingFlags upstream, long traceIdHigh,
      long traceIdLow, String name, SpanKind kind) {
    return shouldSample(parent, traceIdHigh, traceIdLow, name, kind);
  }

  /** A short description, e.g. {@code ParentBased{root=AlwaysOn}}; by default the class's simple name. */
  default String description() {
    return getClass().getSimpleName();
  }
}
