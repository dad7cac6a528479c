package dev.clew.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.testing.TracedCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM with the agent: spans come from method tracing of {@link TracedCode}, and each task
 * reports the span id it saw. A task must see the span current where it was submitted, and nothing
 * when it was submitted outside a span, on whichever pooled thread it lands.
 */
class ContextHandOffTest {
  private static ExecutorService pool;
  private static ScheduledExecutorService scheduler;
  private static ForkJoinPool forkJoin;

  @BeforeAll
  static void pools() {
    pool = Executors.newFixedThreadPool(2);
    scheduler = Executors.newScheduledThreadPool(1);
    forkJoin = new ForkJoinPool(2);
  }

  @AfterAll
  static void shutdown() {
    pool.shutdownNow();
    scheduler.shutdownNow();
    forkJoin.shutdownNow();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AdviceErrors.count(), "advice threw");
    assertNull(TracedCode.spanId(), "the test thread keeps a span");
  }

  /** Runs {@code body} in a new span and returns {the span id, what body returned}. */
  private static String[] inSpan(Callable<String> body) throws Exception {
    return TracedCode.call(() -> new String[] {TracedCode.spanId(), body.call()});
  }

  private static void assertSawSubmitter(Callable<String> submitAndGetSeen) throws Exception {
    String[] r = inSpan(submitAndGetSeen);
    assertNotNull(r[0], "method tracing of TracedCode is not active");
    assertEquals(r[0], r[1], "the task did not see the span current at submission");
    assertNull(submitAndGetSeen.call(), "a task submitted outside a span saw one");
  }

  @Test
  void executorExecute() throws Exception {
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(() -> {
        seen.set(TracedCode.spanId());
        done.countDown();
      });
      assertTrue(done.await(10, TimeUnit.SECONDS));
      return seen.get();
    });
  }

  @Test
  void anonymousRunnableAndCallable() throws Exception {
    assertSawSubmitter(() -> pool.submit(new Callable<String>() {
      @Override
      public String call() {
        return TracedCode.spanId();
      }
    }).get());
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      pool.submit(new Runnable() {
        @Override
        public void run() {
          seen.set(TracedCode.spanId());
        }
      }).get();
      return seen.get();
    });
  }

  @Test
  void submitAndInvoke() throws Exception {
    assertSawSubmitter(() -> pool.submit(TracedCode::spanId).get());
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      assertEquals("x", pool.submit(() -> seen.set(TracedCode.spanId()), "x").get());
      return seen.get();
    });
    assertSawSubmitter(ContextHandOffTest::submitRunnable);
    assertSawSubmitter(() -> {
      List<Future<String>> all = pool.invokeAll(Arrays.<Callable<String>>asList(TracedCode::spanId, TracedCode::spanId));
      assertEquals(all.get(0).get(), all.get(1).get());
      return all.get(0).get();
    });
    assertSawSubmitter(() -> pool.invokeAny(Arrays.<Callable<String>>asList(TracedCode::spanId)));
  }

  private static String submitRunnable() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    pool.submit(() -> seen.set(TracedCode.spanId())).get();
    return seen.get();
  }

  @Test
  void scheduled() throws Exception {
    assertSawSubmitter(() -> scheduler.schedule(TracedCode::spanId, 1, TimeUnit.MILLISECONDS).get());
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      scheduler.schedule(() -> seen.set(TracedCode.spanId()), 1, TimeUnit.MILLISECONDS).get();
      return seen.get();
    });
    assertSawSubmitter(() -> {
      List<String> seen = new ArrayList<>();
      CountDownLatch three = new CountDownLatch(3);
      ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(() -> {
        synchronized (seen) {
          seen.add(TracedCode.spanId());
        }
        three.countDown();
      }, 0, 1, TimeUnit.MILLISECONDS);
      assertTrue(three.await(10, TimeUnit.SECONDS));
      f.cancel(false);
      synchronized (seen) {
        for (String s : seen) {
          assertEquals(seen.get(0), s, "every periodic run sees the scheduling context");
        }
        return seen.get(0);
      }
    });
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      scheduler.execute(() -> {
        seen.set(TracedCode.spanId());
        done.countDown();
      });
      assertTrue(done.await(10, TimeUnit.SECONDS));
      return seen.get();
    });
  }

  @Test
  void forkJoinPool() throws Exception {
    assertSawSubmitter(() -> forkJoin.submit(TracedCode::spanId).get());
    assertSawSubmitter(() -> ForkJoinPool.commonPool().submit(TracedCode::spanId).get());
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      forkJoin.execute(() -> {
        seen.set(TracedCode.spanId());
        done.countDown();
      });
      assertTrue(done.await(10, TimeUnit.SECONDS));
      return seen.get();
    });
    assertSawSubmitter(() -> forkJoin.invoke(new SpanOfLeaves(8)));
    assertSawSubmitter(() -> forkJoin.invokeAll(Arrays.<Callable<String>>asList(TracedCode::spanId)).get(0).get());
  }

  /** Splits itself with fork(); every leaf reports the span it saw, which must be the same everywhere. */
  static final class SpanOfLeaves extends RecursiveTask<String> {
    private final int size;

    SpanOfLeaves(int size) {
      this.size = size;
    }

    @Override
    protected String compute() {
      if (size <= 1) {
        return TracedCode.spanId();
      }
      SpanOfLeaves left = new SpanOfLeaves(size / 2);
      SpanOfLeaves right = new SpanOfLeaves(size - size / 2);
      left.fork();
      String r = right.compute();
      String l = left.join();
      assertEquals(String.valueOf(r), String.valueOf(l), "forked halves saw different spans");
      return r;
    }
  }

  @Test
  void forkInsideANestedSpan() throws Exception {
    String[] r = inSpan(() -> forkJoin.submit(() -> {
      String[] inner = TracedCode.call(() -> new String[] {TracedCode.spanId(), new SpanOfLeaves(4).fork().join()});
      assertEquals(inner[0], inner[1], "a task forked inside a child span sees that child");
      return TracedCode.spanId();
    }).get());
    assertEquals(r[0], r[1], "the span current after the child span ended is the submitter's");
  }

  @Test
  void completableFutureAsyncStages() throws Exception {
    assertSawSubmitter(() -> CompletableFuture.supplyAsync(TracedCode::spanId).get());
    assertSawSubmitter(() -> CompletableFuture.supplyAsync(TracedCode::spanId, pool).get());
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      CompletableFuture.runAsync(() -> seen.set(TracedCode.spanId())).get();
      return seen.get();
    });
    assertSawSubmitter(() -> CompletableFuture.completedFuture("x").thenApplyAsync(x -> TracedCode.spanId()).get());
    assertSawSubmitter(() -> CompletableFuture.completedFuture("x").thenApplyAsync(x -> TracedCode.spanId(), forkJoin)
        .thenApplyAsync(s -> {
          assertEquals(String.valueOf(s), String.valueOf(TracedCode.spanId()));
          return s;
        }, pool).get());
  }

  @Test
  void newThread() throws Exception {
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      Thread t = new Thread(() -> seen.set(TracedCode.spanId()));
      t.start();
      t.join();
      return seen.get();
    });
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      Thread t = new Thread(null, () -> seen.set(TracedCode.spanId()), "named");
      t.start();
      t.join();
      return seen.get();
    });
  }

  @Test
  void virtualThreads() throws Exception {
    if (Runtime.version().feature() < 21) {
      return; // run by the java25 surefire execution
    }
    assertSawSubmitter(() -> {
      AtomicReference<String> seen = new AtomicReference<>();
      Thread t = (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class)
          .invoke(null, (Runnable) () -> seen.set(TracedCode.spanId()));
      t.join();
      return seen.get();
    });
    assertSawSubmitter(() -> {
      ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      try {
        String viaSubmit = perTask.submit(TracedCode::spanId).get();
        AtomicReference<String> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        perTask.execute(() -> {
          seen.set(TracedCode.spanId());
          done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(String.valueOf(viaSubmit), String.valueOf(seen.get()));
        return viaSubmit;
      } finally {
        perTask.shutdown();
      }
    });
  }

  @Test
  void nestedSubmissions() throws Exception {
    assertSawSubmitter(() -> pool.submit(() -> forkJoin.submit(() -> scheduler.submit(TracedCode::spanId).get()).get())
        .get());
    // a span started inside a task is what that task's own submissions see
    String[] r = inSpan(() -> pool.submit(() -> {
      String[] inner = TracedCode.call(() -> new String[] {TracedCode.spanId(), pool.submit(TracedCode::spanId).get()});
      assertEquals(inner[0], inner[1]);
      assertTrue(!inner[0].equals(TracedCode.call(TracedCode::spanId)));
      return TracedCode.spanId();
    }).get());
    assertEquals(r[0], r[1], "the task's context is restored after its own child span");
  }

  @Test
  void noBleedingBetweenInterleavedTasks() throws Exception {
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      int traces = 30;
      int tasksPerTrace = 20;
      List<Future<String[]>> results = new ArrayList<>();
      for (int i = 0; i < traces; i++) {
        boolean traced = i % 3 != 0; // every third batch is submitted outside any span
        Callable<Void> submitBatch = () -> {
          String expected = TracedCode.traceId();
          for (int j = 0; j < tasksPerTrace; j++) {
            results.add(two.submit(() -> new String[] {expected, TracedCode.traceId()}));
            two.execute(() -> { }); // plain executes interleaved with the futures
          }
          return null;
        };
        if (traced) {
          TracedCode.call(submitBatch);
        } else {
          submitBatch.call();
        }
      }
      int checked = 0;
      for (Future<String[]> f : results) {
        String[] r = f.get(30, TimeUnit.SECONDS);
        assertEquals(r[0], r[1], "a task saw another trace's context (or none)");
        checked++;
      }
      assertEquals(traces * tasksPerTrace, checked);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void workerThreadCreatedInsideASpanDoesNotKeepIt() throws Exception {
    ThreadPoolExecutor fresh = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>());
    try {
      // the first submission, inside a span, creates the worker thread
      String[] r = inSpan(() -> fresh.submit(TracedCode::spanId).get());
      assertEquals(r[0], r[1]);
      assertNull(fresh.submit(TracedCode::spanId).get(), "the pool's worker kept the span of the task that created it");
    } finally {
      fresh.shutdownNow();
    }
  }

  @Test
  void rejectedAndCancelledTasksLeaveNothing() throws Exception {
    ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1));
    CountDownLatch release = new CountDownLatch(1);
    try {
      one.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Future<String> queued = one.submit(TracedCode::spanId); // fills the queue, outside a span
      TracedCode.run(() -> assertThrows(RejectedExecutionException.class, () -> one.execute(() -> { })));
      TracedCode.run(() -> assertThrows(RejectedExecutionException.class, () -> one.submit(TracedCode::spanId)));
      FutureTask<String> cancelled = TracedCode.call(() -> new FutureTask<>(TracedCode::spanId));
      assertTrue(cancelled.cancel(false));
      release.countDown();
      assertNull(queued.get(), "a rejected task's context reached the pool");
    } finally {
      release.countDown();
      one.shutdownNow();
    }
    ForkJoinPool stopped = new ForkJoinPool(1);
    stopped.shutdown();
    TracedCode.run(() -> assertThrows(RejectedExecutionException.class, () -> stopped.submit(TracedCode::spanId)));
    String[] r = inSpan(() -> {
      java.util.concurrent.ForkJoinTask<String> task = ForkJoinPool.commonPool().submit(() -> {
        Thread.sleep(5);
        return TracedCode.spanId();
      });
      task.cancel(true);
      return TracedCode.spanId();
    });
    assertNotNull(r[1]);
  }
}
