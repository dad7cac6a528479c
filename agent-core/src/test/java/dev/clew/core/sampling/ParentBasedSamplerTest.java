package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParentBasedSamplerTest {
  static final SamplingDecision SAMPLE = SamplingDecision.RECORD_AND_SAMPLE;
  static final SamplingDecision DROP = SamplingDecision.DROP;

  /** A sampler answering a fixed decision, to see which case the parent-based sampler routed to. */
  static Sampler answering(SamplingDecision d) {
    return d == SAMPLE ? AlwaysOnSampler.INSTANCE : AlwaysOffSampler.INSTANCE;
  }

  static SpanContext parent(boolean remote, boolean sampled) {
    byte flags = sampled ? SpanContext.FLAG_SAMPLED : 0;
    return remote ? SpanContext.createFromRemote(1, 2, 3, flags, TraceState.EMPTY)
        : SpanContext.create(1, 2, 3, flags, TraceState.EMPTY);
  }

  @ParameterizedTest(name = "remote={0} sampled={1} -> {2}")
  @CsvSource({
      "true, true, RECORD_AND_SAMPLE",
      "true, false, DROP",
      "false, true, RECORD_AND_SAMPLE",
      "false, false, DROP",
  })
  void defaultsFollowTheParentFlag(boolean remote, boolean sampled, SamplingDecision expected) {
    Sampler s = new ParentBasedSampler(AlwaysOffSampler.INSTANCE);
    assertEquals(expected, s.shouldSample(parent(remote, sampled), 1, 2, "x", SpanKind.SERVER));
  }

  @Test
  void eachParentCaseUsesItsOwnSampler() {
    // each case gets the opposite of the default, so routing to the wrong one shows
    Sampler s = new ParentBasedSampler(answering(SAMPLE), answering(DROP), answering(SAMPLE), answering(DROP),
        answering(SAMPLE));
    assertEquals(SAMPLE, s.shouldSample(SpanContext.INVALID, 1, 2, "root", SpanKind.SERVER));
    assertEquals(DROP, s.shouldSample(parent(true, true), 1, 2, "x", SpanKind.SERVER));
    assertEquals(SAMPLE, s.shouldSample(parent(true, false), 1, 2, "x", SpanKind.SERVER));
    assertEquals(DROP, s.shouldSample(parent(false, true), 1, 2, "x", SpanKind.SERVER));
    assertEquals(SAMPLE, s.shouldSample(parent(false, false), 1, 2, "x", SpanKind.SERVER));
    Sampler rootOff = new ParentBasedSampler(answering(DROP), answering(DROP), answering(SAMPLE), answering(DROP),
        answering(SAMPLE));
    assertEquals(DROP, rootOff.shouldSample(SpanContext.INVALID, 1, 2, "root", SpanKind.SERVER));
  }

  @Test
  void upstreamFlagsWithoutIdsActAsARemoteParent() {
    Sampler s = new ParentBasedSampler(AlwaysOnSampler.INSTANCE);
    assertEquals(DROP, s.shouldSample(SpanContext.INVALID, SamplingFlags.NOT_SAMPLED, 1, 2, "x", SpanKind.SERVER));
    Sampler off = new ParentBasedSampler(AlwaysOffSampler.INSTANCE);
    assertEquals(SAMPLE, off.shouldSample(SpanContext.INVALID, SamplingFlags.SAMPLED, 1, 2, "x", SpanKind.SERVER));
    assertEquals(SAMPLE, off.shouldSample(SpanContext.INVALID, SamplingFlags.DEBUG, 1, 2, "x", SpanKind.SERVER));
    assertEquals(DROP, off.shouldSample(SpanContext.INVALID, SamplingFlags.DEFERRED, 1, 2, "x", SpanKind.SERVER));
    assertEquals(SAMPLE, s.shouldSample(SpanContext.INVALID, SamplingFlags.DEFERRED, 1, 2, "x", SpanKind.SERVER));
  }

  @Test
  void aDeferredRemoteParentLetsTheRootSamplerDecide() {
    SpanContext deferred = parent(true, false);
    assertEquals(SAMPLE, new ParentBasedSampler(AlwaysOnSampler.INSTANCE)
        .shouldSample(deferred, SamplingFlags.DEFERRED, 1, 2, "x", SpanKind.SERVER));
    assertEquals(DROP, new ParentBasedSampler(AlwaysOffSampler.INSTANCE)
        .shouldSample(deferred, SamplingFlags.DEFERRED, 1, 2, "x", SpanKind.SERVER));
    // a local child of a span that was decided: the flag of its parent, whatever the context still carries
    assertEquals(DROP, new ParentBasedSampler(AlwaysOnSampler.INSTANCE)
        .shouldSample(parent(false, false), SamplingFlags.DEFERRED, 1, 2, "x", SpanKind.SERVER));
  }
}
