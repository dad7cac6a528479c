package dev.clew.core.trace;

/**
 * Epoch time in nanoseconds, anchored once to the wall clock and advanced by {@link System#nanoTime()},
 * so durations are never negative even when the wall clock steps.
 */
public final class Clock {
  private static final Clock DEFAULT = new Clock();

  private final long anchorEpochNanos;
  private final long anchorNanoTime;

  private Clock() {
    this.anchorNanoTime = System.nanoTime();
    this.anchorEpochNanos = epochNanosNow();
  }

  public static Clock get() {
    return DEFAULT;
  }

  public long now() {
    return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
  }

  /** Wall-clock epoch nanos with the best precision the JDK offers (microseconds on 9+). */
  private static long epochNanosNow() {
    try {
      java.time.Instant i = java.time.Clock.systemUTC().instant();
      return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    } catch (RuntimeException e) {
      return System.currentTimeMillis() * 1_000_000L;
    }
  }
}
