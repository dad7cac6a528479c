package dev.clew.core.sampling;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;

/**
 * Samples a fixed fraction of traces as a pure function of the trace id (its low 63 bits), so every
 * service with the same ratio takes the same decision for the same trace.
 */
public final class TraceIdRatioSampler implements Sampler {
  private final double ratio;
  private final long bound;

  public TraceIdRatioSampler(double ratio) {
    this.ratio = Math.max(0.0, Math.min(1.0, ratio));
    this.bound = this.ratio >= 1.0 ? Long.MAX_VALUE : (long) (this.ratio * Long.MAX_VALUE);
  }

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    if (ratio >= 1.0) {
      return SamplingDecision.RECORD_AND_SAMPLE;
    }
    return keeps(lo) ? SamplingDecision.RECORD_AND_SAMPLE : SamplingDecision.DROP;
  }

  /** The decision for a trace id's low half: true for the {@code ratio} share of ids. */
  public boolean keeps(long traceIdLow) {
    return ratio >= 1.0 || (traceIdLow & Long.MAX_VALUE) < bound;
  }

  public double ratio() {
    return ratio;
  }

  @Override
  public String description() {
    return "TraceIdRatioBased{" + ratio + "}";
  }
}
