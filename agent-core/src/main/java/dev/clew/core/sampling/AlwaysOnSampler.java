package dev.clew.core.sampling;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;

public final class AlwaysOnSampler implements Sampler {
  public static final AlwaysOnSampler INSTANCE = new AlwaysOnSampler();

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    return SamplingDecision.RECORD_AND_SAMPLE;
  }
}
