package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The end of a burst of class loading, and the clean-ups it runs ({@link ClassLoadingQuiet}). */
class ClassLoadingQuietTest {
  private static void awaitAtLeast(AtomicInteger count, int n) throws InterruptedException {
    for (int i = 0; i < 500 && count.get() < n; i++) {
      Thread.sleep(20);
    }
  }

  @Test
  void actionsRunOnceLoadingGoesQuietAndAgainAfterTheNextBurst() throws InterruptedException {
    ClassLoadingQuiet quiet = new ClassLoadingQuiet(TimeUnit.MILLISECONDS.toNanos(50));
    AtomicInteger runs = new AtomicInteger();
    quiet.onQuiet(() -> {
      throw new IllegalStateException("a broken clean-up");
    });
    quiet.onQuiet(runs::incrementAndGet);
    quiet.activity();
    awaitAtLeast(runs, 1);
    Thread.sleep(200);
    assertEquals(1, runs.get(), "the action after the failing one ran, once: no class since");

    quiet.activity();
    awaitAtLeast(runs, 2);
    assertEquals(2, runs.get(), "a new burst, a new run");
  }
}
