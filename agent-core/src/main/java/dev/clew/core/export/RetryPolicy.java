package dev.clew.core.export;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed batch again: after a capped exponential backoff with jitter, or after what the
 * backend asked for ({@code Retry-After}, capped so a nonsense value cannot park the exporter for hours).
 * There is no attempt limit: a batch is kept while the queue has room (see {@link BatchSpanProcessor}).
 */
public final class RetryPolicy {
  public final long initialBackoffMillis;
  public final long maxBackoffMillis;
  public final double multiplier;
  public final long maxRetryAfterMillis;

  public RetryPolicy(long initialBackoffMillis, long maxBackoffMillis, double multiplier, long maxRetryAfterMillis) {
    this.initialBackoffMillis = Math.max(0, initialBackoffMillis);
    this.maxBackoffMillis = Math.max(this.initialBackoffMillis, maxBackoffMillis);
    this.multiplier = Math.max(1.0, multiplier);
    this.maxRetryAfterMillis = Math.max(0, maxRetryAfterMillis);
  }

  /** As the OpenTelemetry exporters: 1 s growing by 1.5 up to 5 s; {@code Retry-After} up to 5 minutes. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(1000, 5000, 1.5, 300_000);
  }

  /** The wait after the {@code failures}-th failure in a row (from 1), or what the backend asked for. */
  public long delayMillis(int failures, long retryAfterMillis) {
    return retryAfterMillis >= 0 ? Math.min(retryAfterMillis, maxRetryAfterMillis) : backoffMillis(failures);
  }

  /** Between half and all of {@code initial * multiplier^(failures-1)}, capped: many agents spread out but still back off. */
  public long backoffMillis(int failures) {
    double cap = initialBackoffMillis * Math.pow(multiplier, Math.max(0, failures - 1));
    long max = (long) Math.min(cap, maxBackoffMillis);
    if (max <= 0) {
      return 0;
    }
    return max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1);
  }
}
