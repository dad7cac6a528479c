package dev.clew.core.sampling;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;

/**
 * Follows the parent: the root sampler decides for root spans, and one sampler per parent case
 * (remote/local x sampled/not sampled) for the others. The defaults are OpenTelemetry's: follow the
 * parent's sampled flag. Upstream {@link SamplingFlags} without ids act as a remote parent's flag, and
 * a {@link SamplingFlags#DEFERRED} remote parent hands the decision to the root sampler.
 */
public final class ParentBasedSampler implements Sampler {
  private final Sampler root;
  private final Sampler remoteSampled;
  private final Sampler remoteNotSampled;
  private final Sampler localSampled;
  private final Sampler localNotSampled;

  public ParentBasedSampler(Sampler root) {
    this(root, AlwaysOnSampler.INSTANCE, AlwaysOffSampler.INSTANCE, AlwaysOnSampler.INSTANCE,
        AlwaysOffSampler.INSTANCE);
  }

  public ParentBasedSampler(Sampler root, Sampler remoteSampled, Sampler remoteNotSampled, Sampler localSampled,
      Sampler localNotSampled) {
    this.root = root;
    this.remoteSampled = remoteSampled;
    this.remoteNotSampled = remoteNotSampled;
    this.localSampled = localSampled;
    this.localNotSampled = localNotSampled;
  }

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    return shouldSample(parent, null, hi, lo, name, kind);
  }

  @Override
  public SamplingDecision shouldSample(SpanContext parent, SamplingFlags upstream, long hi, long lo, String name,
      SpanKind kind) {
    Sampler s;
    if (!parent.isValid()) {
      if (upstream == null || upstream == SamplingFlags.DEFERRED) {
        s = root;
      } else {
        s = upstream.isSampled() ? remoteSampled : remoteNotSampled;
      }
    } else if (parent.isRemote()) {
      if (upstream == SamplingFlags.DEFERRED && !parent.isSampled()) {
        s = root;
      } else {
        s = parent.isSampled() ? remoteSampled : remoteNotSampled;
      }
    } else {
      s = parent.isSampled() ? localSampled : localNotSampled;
    }
    return s.shouldSample(parent, hi, lo, name, kind);
  }

  @Override
  public String description() {
    return "ParentBased{root=" + root.description() + ",remoteParentSampled=" + remoteSampled.description()
        + ",remoteParentNotSampled=" + remoteNotSampled.description() + ",localParentSampled="
        + localSampled.description() + ",localParentNotSampled=" + localNotSampled.description() + "}";
  }
}
