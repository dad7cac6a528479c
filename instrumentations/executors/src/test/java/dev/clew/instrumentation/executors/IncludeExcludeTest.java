package dev.clew.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.testapp.executors.HandOffExecutor;
import dev.clew.testapp.executors.UntracedPool;
import dev.clew.testing.TracedCode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code otel.instrumentation.executors.include} and {@code clew.executors.exclude} (set in the module's clew.test.args). */
class IncludeExcludeTest {
  private static String seenByExecute(Executor executor) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>("not run");
    CountDownLatch done = new CountDownLatch(1);
    executor.execute(() -> {
      seen.set(TracedCode.spanId());
      done.countDown();
    });
    assertTrue(done.await(10, TimeUnit.SECONDS));
    return seen.get();
  }

  @Test
  void includedExecutorHandsOverTheContext() throws Exception {
    try (HandOffExecutor executor = new HandOffExecutor()) {
      String[] r = TracedCode.call(() -> new String[] {TracedCode.spanId(), seenByExecute(executor)});
      assertNotNull(r[0]);
      assertEquals(r[0], r[1]);
      assertNull(seenByExecute(executor));
    }
    assertEquals(0, AdviceErrors.count());
  }

  @Test
  void excludedExecutorDoesNot() throws Exception {
    UntracedPool pool = new UntracedPool();
    try {
      String[] r = TracedCode.call(() -> new String[] {TracedCode.spanId(), seenByExecute(pool),
          pool.submit(TracedCode::spanId).get(), pool.invokeAll(java.util.List.<java.util.concurrent.Callable<String>>of(TracedCode::spanId)).get(0).get()});
      assertNotNull(r[0]);
      assertNull(r[1], "execute");
      assertNull(r[2], "submit");
      assertNull(r[3], "invokeAll");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, AdviceErrors.count());
  }
}
