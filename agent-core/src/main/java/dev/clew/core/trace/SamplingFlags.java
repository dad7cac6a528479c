package dev.clew.core.trace;

import dev.clew.core.context.ContextKey;

/**
 * A sampling decision that came from upstream beside (or instead of) the span context, kept in the
 * {@link dev.clew.core.context.Context} under {@link #KEY} by the B3 and Jaeger propagators.
 * <ul>
 *   <li>{@link #DEBUG}: B3 {@code d}/{@code X-B3-Flags: 1}, Jaeger flag {@code 0x02}. Treated as sampled; the
 *       propagators re-emit it downstream for as long as the context carries it.</li>
 *   <li>{@link #SAMPLED}/{@link #NOT_SAMPLED}: a sampling-only header without ids ({@code b3: 0},
 *       {@code X-B3-Sampled: 1} alone). The next span starts a new trace, and a parent-based sampler
 *       follows this decision as it would a remote parent's flag.</li>
 *   <li>{@link #DEFERRED}: B3 ids without a sampling state, "the receiver decides": a parent-based
 *       sampler asks its root sampler instead of reading the parent's (unset) sampled flag.</li>
 * </ul>
 */
public enum SamplingFlags {
  SAMPLED,
  NOT_SAMPLED,
  DEBUG,
  DEFERRED;

  public static final ContextKey<SamplingFlags> KEY = ContextKey.named("clew.sampling-flags");

  public boolean isSampled() {
    return this == SAMPLED || this == DEBUG;
  }
}
