package dev.clew.core.trace;

/** What a sampler decided for a new span. */
public enum SamplingDecision {
  /** Not recorded, not sampled: only the context propagates. */
  DROP,
  /** Recorded locally (processors see it) but not marked sampled downstream. */
  RECORD_ONLY,
  /** Recorded and sampled. */
  RECORD_AND_SAMPLE;

  public boolean isRecording() {
    return this != DROP;
  }

  public boolean isSampled() {
    return this == RECORD_AND_SAMPLE;
  }
}
