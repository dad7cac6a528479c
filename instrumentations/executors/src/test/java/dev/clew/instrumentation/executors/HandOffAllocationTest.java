package dev.clew.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.TracedCode;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prints what a hand-off allocates on the submitting thread, outside and inside a span (figures, not
 * timings). Outside a span the agent adds nothing, so that figure is the pool's own cost; the
 * difference is what clew adds per task.
 */
class HandOffAllocationTest {
  private static final int TASKS = 20_000;
  private static final Runnable NOOP = () -> { };

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static double bytesPerTask(java.util.concurrent.Executor executor) {
    for (int i = 0; i < TASKS; i++) {
      executor.execute(NOOP); // warm-up: call sites linked, code compiled
    }
    long before = allocated();
    for (int i = 0; i < TASKS; i++) {
      executor.execute(NOOP);
    }
    return (allocated() - before) / (double) TASKS;
  }

  @Test
  void printFigures() throws Exception {
    ThreadPoolExecutor tpe = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(4 * TASKS));
    ForkJoinPool fjp = new ForkJoinPool(1);
    try {
      double tpeOutside = bytesPerTask(tpe);
      double tpeInside = TracedCode.call(() -> bytesPerTask(tpe));
      double fjpOutside = bytesPerTask(fjp);
      double fjpInside = TracedCode.call(() -> bytesPerTask(fjp));
      System.out.printf("ThreadPoolExecutor.execute: %.1f B/task outside a span, %.1f B/task inside (+%.1f: the wrapper)%n",
          tpeOutside, tpeInside, tpeInside - tpeOutside);
      System.out.printf("ForkJoinPool.execute:       %.1f B/task outside a span, %.1f B/task inside (+%.1f: the map entry)%n",
          fjpOutside, fjpInside, fjpInside - fjpOutside);
      assertTrue(tpeInside - tpeOutside < 64, "a wrapper is one small object");
    } finally {
      tpe.shutdownNow();
      fjp.shutdownNow();
    }
  }
}
