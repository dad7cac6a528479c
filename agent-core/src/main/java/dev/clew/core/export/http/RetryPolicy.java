package dev.clew.core.export.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again: on connection errors and on HTTP 429, 502, 503 and 504, at most
 * {@code maxAttempts} times, waiting an exponentially growing, jittered delay (or what
 * {@code Retry-After} asks), and never past the time budget of one export.
 */
public final class RetryPolicy {
  public final int maxAttempts;
  public final long initialBackoffMillis;
  public final long maxBackoffMillis;
  public final double multiplier;

  public RetryPolicy(int maxAttempts, long initialBackoffMillis, long maxBackoffMillis, double multiplier) {
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialBackoffMillis = Math.max(0, initialBackoffMillis);
    this.maxBackoffMillis = Math.max(this.initialBackoffMillis, maxBackoffMillis);
    this.multiplier = Math.max(1.0, multiplier);
  }

  /** As the OpenTelemetry exporters: 5 attempts, 1 s growing by 1.5 up to 5 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, 1000, 5000, 1.5);
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, 0, 0, 1.0);
  }

  public static boolean isRetryableStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1): full jitter up to the cap. */
  public long backoffMillis(int attempt) {
    double cap = initialBackoffMillis * Math.pow(multiplier, attempt - 1);
    long max = (long) Math.min(cap, maxBackoffMillis);
    if (max <= 0) {
      return 0;
    }
    // between half and all of the cap, so retries of many agents spread out but still back off
    return max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1);
  }
}
