package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.trace.Sampler;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitingSamplerTest {
  static final long MS = 1_000_000L;

  static boolean sample(Sampler s) {
    return s.shouldSample(SpanContext.INVALID, 1, 2, "x", SpanKind.SERVER).isSampled();
  }

  @Test
  void exactlyTheRateEverySecondAtSteadyLoad() {
    AtomicLong now = new AtomicLong(5_000 * MS);
    RateLimitingSampler s = new RateLimitingSampler(100, now::get);
    for (int second = 0; second < 10; second++) {
      int sampled = 0;
      for (int i = 0; i < 10_000; i++) { // 10 000 calls spread over the second
        if (sample(s)) {
          sampled++;
        }
        now.addAndGet(100_000);
      }
      assertEquals(100, sampled, "second " + second);
    }
  }

  @Test
  void aBurstAtTheStartOfASecondGetsOnlyItsTenthAboveTenPerSecond() {
    AtomicLong now = new AtomicLong(0);
    RateLimitingSampler s = new RateLimitingSampler(100, now::get);
    int burst = 0;
    for (int i = 0; i < 1000; i++) {
      burst += sample(s) ? 1 : 0;
    }
    assertEquals(10, burst, "the first tenth of the second allows a tenth of the budget");
    now.addAndGet(550 * MS); // sixth tenth: cumulative 60
    int later = 0;
    for (int i = 0; i < 1000; i++) {
      later += sample(s) ? 1 : 0;
    }
    assertEquals(50, later);
  }

  @Test
  void atTenPerSecondOrLessTheWholeBudgetIsAvailableAtOnce() {
    AtomicLong now = new AtomicLong(0);
    RateLimitingSampler s = new RateLimitingSampler(5, now::get);
    int burst = 0;
    for (int i = 0; i < 100; i++) {
      burst += sample(s) ? 1 : 0;
    }
    assertEquals(5, burst);
    now.addAndGet(1000 * MS);
    assertTrue(sample(s), "a new second, a new budget");
  }

  @Test
  void belowOnePerSecondOneTracePerLongerWindow() {
    AtomicLong now = new AtomicLong(0);
    RateLimitingSampler s = new RateLimitingSampler(0.5, now::get);
    int sampled = 0;
    for (int i = 0; i < 10_000; i++) { // 10 seconds
      sampled += sample(s) ? 1 : 0;
      now.addAndGet(MS);
    }
    assertEquals(5, sampled);
    RateLimitingSampler zero = new RateLimitingSampler(0, now::get);
    assertTrue(!sample(zero));
  }

  @Test
  void onlyRootsAreLimitedWhenParentBased() {
    AtomicLong now = new AtomicLong(0);
    Sampler s = new ParentBasedSampler(new RateLimitingSampler(1, now::get));
    assertTrue(sample(s));
    assertTrue(!sample(s));
    SpanContext sampledParent = SpanContext.create(1, 2, 3, SpanContext.FLAG_SAMPLED,
        dev.clew.core.trace.TraceState.EMPTY);
    for (int i = 0; i < 100; i++) {
      assertTrue(s.shouldSample(sampledParent, 1, 2, "child", SpanKind.INTERNAL).isSampled());
    }
  }

  /** Real clock, several threads: the count sampled over a measured interval stays within the windows it spans. */
  @Test
  void throughputOverAMeasuredIntervalWithConcurrentCallers() throws Exception {
    int rate = 200;
    RateLimitingSampler s = new RateLimitingSampler(rate);
    AtomicInteger sampled = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    long[] elapsed = new long[1];
    Thread[] workers = new Thread[threads];
    long begin = System.nanoTime();
    long until = begin + 1_500 * MS;
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        while (System.nanoTime() < until) {
          calls.incrementAndGet();
          if (sample(s)) {
            sampled.incrementAndGet();
          }
        }
      });
      workers[t].start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    elapsed[0] = System.nanoTime() - begin;
    // the interval touches at most ceil(elapsed)+1 one-second windows. No lower bound from the elapsed time: the
    // callers stop at 1.5 s, and a join that returns late on a busy machine would ask for windows nobody called
    // in (the fake-clock tests pin the exact counts)
    long touched = elapsed[0] / 1_000_000_000L + 2;
    System.out.println("rate limiter: " + sampled + " sampled of " + calls + " calls in " + elapsed[0] / MS + " ms");
    assertTrue(sampled.get() <= rate * touched, sampled + " > " + rate * touched);
    assertTrue(sampled.get() > 0, "nothing sampled in " + calls + " calls");
    assertTrue(calls.get() > sampled.get());
  }
}
