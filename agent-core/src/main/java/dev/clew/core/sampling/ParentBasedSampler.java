package dev.clew.core.sampling;

import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;

/**
 * Follows the parent's sampled flag; the root sampler decides for root spans. The four parent cases
 * (remote/local x sampled/not) use the OpenTelemetry defaults: follow the flag.
 */
public final class ParentBasedSampler implements Sampler {
  private final Sampler root;

  public ParentBasedSampler(Sampler root) {
    this.root = root;
  }

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    if (!parent.isValid()) {
      return root.shouldSample(parent, hi, lo, name, kind);
    }
    return parent.isSampled() ? SamplingDecision.RECORD_AND_SAMPLE : SamplingDecision.DROP;
  }

  @Override
  public String description() {
    return "ParentBased{root=" + root.description() + "}";
  }
}
