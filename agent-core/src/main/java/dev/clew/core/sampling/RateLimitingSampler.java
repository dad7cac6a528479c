package dev.clew.core.sampling;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SamplingDecision;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples at most N root spans per second per process ({@code otel.traces.sampler=clew.ratelimiting},
 * arg = N). Lock-free: an atomic start of the current one-second window plus an atomic count used in it.
 * Above 10 per second the budget is spread over tenths of the window (tenth k allows a cumulative
 * {@code N*(k+1)/10}), so a burst at the start of a second cannot take the whole second's budget.
 * Used as the root of a {@link ParentBasedSampler}: spans below a root follow its decision.
 */
public final class RateLimitingSampler implements Sampler {
  private static final long SECOND = 1_000_000_000L;

  /** Source of monotonic nanoseconds; replaced in tests to walk time deterministically. */
  interface Ticker {
    long nanoTime();
  }

  private final double tracesPerSecond;
  private final int[] allowedUpToTenth; // cumulative budget by tenth of the window
  private final Ticker ticker;
  private final long window; // one second, or longer for rates below 1/s (one trace per window)
  private final AtomicLong windowEnd;
  private final AtomicInteger used = new AtomicInteger();

  public RateLimitingSampler(double tracesPerSecond) {
    this(tracesPerSecond, System::nanoTime);
  }

  RateLimitingSampler(double tracesPerSecond, Ticker ticker) {
    this.tracesPerSecond = tracesPerSecond;
    this.ticker = ticker;
    int perSecond = tracesPerSecond <= 0 ? 0
        : tracesPerSecond < 1 ? 1 : (int) Math.min(Integer.MAX_VALUE, Math.round(tracesPerSecond));
    window = tracesPerSecond > 0 && tracesPerSecond < 1 ? (long) (SECOND / tracesPerSecond) : SECOND;
    allowedUpToTenth = new int[10];
    for (int k = 0; k < 10; k++) {
      allowedUpToTenth[k] = perSecond > 10 ? (int) ((long) perSecond * (k + 1) / 10) : perSecond;
    }
    windowEnd = new AtomicLong(ticker.nanoTime() + window);
  }

  @Override
  public SamplingDecision shouldSample(SpanContext parent, long hi, long lo, String name, SpanKind kind) {
    long now = ticker.nanoTime();
    long end = windowEnd.get();
    long left = end - now;
    if (left <= 0) {
      // first caller past the window opens the next one; losers of the race just use it
      if (windowEnd.compareAndSet(end, now + window)) {
        used.set(0);
      }
      left = window;
    } else if (left > window) {
      left = window;
    }
    int tenth = (int) ((window - left) / (window / 10));
    int max = allowedUpToTenth[tenth > 9 ? 9 : tenth];
    while (true) {
      int u = used.get();
      if (u >= max) {
        return SamplingDecision.DROP;
      }
      if (used.compareAndSet(u, u + 1)) {
        return SamplingDecision.RECORD_AND_SAMPLE;
      }
    }
  }

  @Override
  public String description() {
    return "RateLimiting{" + tracesPerSecond + "}";
  }
}
