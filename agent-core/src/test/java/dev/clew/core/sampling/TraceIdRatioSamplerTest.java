package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceIdRatioSamplerTest {
  static final int IDS = 200_000;

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.9, 1.0})
  void sampledShareIsWithinFiveSigmaOfTheRatio(double ratio) {
    TraceIdRatioSampler sampler = new TraceIdRatioSampler(ratio);
    Random r = new Random(1);
    int sampled = 0;
    for (int i = 0; i < IDS; i++) {
      if (sampler.shouldSample(SpanContext.INVALID, r.nextLong(), r.nextLong(), "x", SpanKind.SERVER).isSampled()) {
        sampled++;
      }
    }
    double expected = IDS * ratio;
    double sigma = Math.sqrt(IDS * ratio * (1 - ratio));
    assertTrue(Math.abs(sampled - expected) <= 5 * sigma + 1e-9,
        "ratio " + ratio + ": sampled " + sampled + ", expected " + expected + " +- " + 5 * sigma);
    if (ratio == 0) {
      assertEquals(0, sampled);
    }
    if (ratio == 1) {
      assertEquals(IDS, sampled);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.3, 0.77})
  void everyInstanceTakesTheSameDecisionForATraceId(double ratio) {
    TraceIdRatioSampler a = new TraceIdRatioSampler(ratio);
    TraceIdRatioSampler b = new TraceIdRatioSampler(ratio);
    Sampler viaParentBased = new ParentBasedSampler(new TraceIdRatioSampler(ratio));
    Random r = new Random(2);
    for (int i = 0; i < 50_000; i++) {
      long hi = r.nextLong();
      long lo = r.nextLong();
      SamplingDecision d = a.shouldSample(SpanContext.INVALID, hi, lo, "a", SpanKind.SERVER);
      assertEquals(d, b.shouldSample(SpanContext.INVALID, hi, lo, "other name", SpanKind.CLIENT));
      assertEquals(d, viaParentBased.shouldSample(SpanContext.INVALID, hi, lo, "a", SpanKind.SERVER));
      assertEquals(d.isSampled(), a.keeps(lo));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.5})
  void aLowerRatioSamplesASubsetOfAHigherOne(double ratio) {
    TraceIdRatioSampler low = new TraceIdRatioSampler(ratio / 2);
    TraceIdRatioSampler high = new TraceIdRatioSampler(ratio);
    Random r = new Random(3);
    for (int i = 0; i < 50_000; i++) {
      long lo = r.nextLong();
      assertTrue(!low.keeps(lo) || high.keeps(lo));
    }
  }
}
