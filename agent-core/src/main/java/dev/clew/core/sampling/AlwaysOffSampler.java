package dev.clew.core.sampling;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;

public final class AlwaysOffSampler implements Sampler {
  public static final AlwaysOffSampler INSTANCE = new AlwaysOffSampler();

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    return SamplingDecision.DROP;
  }
}
