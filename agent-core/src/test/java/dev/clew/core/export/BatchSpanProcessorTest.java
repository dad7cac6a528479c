package dev.clew.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import dev.clew.core.util.AgentThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchSpanProcessorTest {
  private static final long HOUR = 3_600_000;
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private final RecordingExporter exporter = new RecordingExporter();
  private final ExportStats stats = new ExportStats();
  private BatchSpanProcessor processor;
  private Tracer tracer;

  private static final RetryPolicy FAST_RETRY = new RetryPolicy(5, 20, 2.0, 1000);

  private void start(int queueSize, long delayMillis, int batchSize) {
    processor = new BatchSpanProcessor(exporter,
        new BatchSpanProcessor.Settings(queueSize, delayMillis, batchSize, 30_000), stats, FAST_RETRY);
    TracerProvider provider = new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE,
        SpanLimits.defaults(), Collections.<SpanProcessor>singletonList(processor), stats);
    tracer = provider.tracer("test");
  }

  private void endSpans(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      tracer.spanBuilder(prefix + i).startSpan().end();
    }
  }

  @AfterEach
  void stop() {
    if (exporter.hold != null) {
      exporter.hold.countDown();
    }
    processor.shutdown(5_000);
  }

  @Test
  void exportsSpansInTheOrderTheyEnded() throws Exception {
    start(2048, HOUR, 100);
    endSpans("s", 1000);
    assertTrue(processor.forceFlush(10_000));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      expected.add("s" + i);
    }
    assertEquals(expected, exporter.names());
    assertEquals(1000, stats.exportedCount());
  }

  @Test
  void fullBatchIsExportedWithoutWaitingForTheDelay() throws Exception {
    start(2048, HOUR, 10);
    endSpans("s", 25);
    assertTrue(exporter.awaitSpans(20, 10_000), "two full batches go out without a flush");
    List<List<String>> batches = exporter.batches();
    assertEquals(2, batches.size());
    assertEquals(10, batches.get(0).size());
    assertEquals(10, batches.get(1).size());
    assertEquals(20, exporter.names().size(), "the incomplete batch waits for the schedule");
    assertTrue(processor.forceFlush(10_000));
    assertEquals(25, exporter.names().size());
    assertEquals(5, exporter.batches().get(2).size());
  }

  @Test
  void everyFullBatchWakesTheWorkerEvenWhenItAlreadyHeldPartOfIt() throws Exception {
    start(2048, HOUR, 5);
    // spans arrive while the worker is between drains: a batch completed partly in its hands and partly
    // in the queue must still wake it (no schedule to fall back on: the delay is an hour)
    Thread producer = new Thread(() -> endSpans("p", 2_000));
    producer.start();
    producer.join();
    assertTrue(exporter.awaitSpans(2_000, 20_000), "only size-triggered exports, got " + exporter.names().size());
  }

  @Test
  void incompleteBatchIsExportedWhenTheDelayPasses() throws Exception {
    start(2048, 50, 512);
    endSpans("s", 3);
    assertTrue(exporter.awaitSpans(3, 10_000), "exported on schedule, without flush");
    // in one batch or, when a 50 ms tick fell between two of the ends, in two
    assertEquals(List.of("s0", "s1", "s2"), exporter.names());
  }

  @Test
  void zeroDelayExportsEachSpanSoon() throws Exception {
    start(2048, 0, 512);
    endSpans("s", 1);
    assertTrue(exporter.awaitSpans(1, 10_000));
    endSpans("t", 1);
    assertTrue(exporter.awaitSpans(2, 10_000));
  }

  /** Polls until the condition holds; fails with the message after 10 s (a guard, not a timing assertion). */
  private static void await(java.util.function.BooleanSupplier condition, String message) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, message);
      Thread.sleep(2);
    }
  }

  private static List<String> names(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  @Test
  void aRetryableFailureKeepsTheBatchAndRetriesItUntilDelivered() throws Exception {
    start(2048, HOUR, 10);
    exporter.answer = ExportResult.retryable(-1);
    endSpans("s", 30);
    await(() -> exporter.attempts().size() >= 4, "retried with backoff: " + exporter.attempts().size());
    assertEquals(0, stats.exportedCount() + stats.droppedCount() + stats.failedCount(), stats.toString());
    assertEquals(30, processor.heldCount() + processor.queuedCount());
    exporter.answer = ExportResult.SUCCESS;
    assertTrue(exporter.awaitSpans(30, 10_000));
    assertEquals(names("s", 0, 30), exporter.names(), "delivered once each, in the order they ended");
    assertEquals(30, stats.exportedCount());
    assertEquals(0, stats.droppedCount() + stats.failedCount());
    for (List<String> attempt : exporter.attempts()) {
      assertEquals("s0", attempt.get(0), "the oldest batch is tried first, and the others wait behind it");
      break;
    }
  }

  @Test
  void retryAfterIsWaitedFor() throws Exception {
    start(2048, HOUR, 5);
    // queued, not switched by this thread: a test thread held up for the 1 s would see a third attempt
    exporter.nextAnswers.add(ExportResult.retryable(60_000)); // capped at 1 s by the policy of this test
    endSpans("s", 5);
    assertTrue(exporter.awaitSpans(5, 10_000));
    assertEquals(2, exporter.attempts().size(), "one attempt, then one after Retry-After");
    List<Long> at = exporter.attemptNanos();
    long waitedMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(at.get(1) - at.get(0));
    assertTrue(waitedMillis >= 1000, "the retry waited for Retry-After (capped at 1 s), not the 5-20 ms backoff: "
        + waitedMillis + " ms");
  }

  @Test
  void aFlushTriesKeptBatchesOnceAndDoesNotWaitOutTheBackoff() throws Exception {
    processor = new BatchSpanProcessor(exporter, new BatchSpanProcessor.Settings(2048, HOUR, 5, 30_000), stats,
        new RetryPolicy(HOUR, HOUR, 1.0, HOUR));
    TracerProvider provider = new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE,
        SpanLimits.defaults(), Collections.<SpanProcessor>singletonList(processor), stats);
    tracer = provider.tracer("test");
    exporter.answer = ExportResult.retryable(-1);
    endSpans("s", 5);
    await(() -> exporter.attempts().size() == 1, "the full batch was tried");
    assertTrue(assertTimeoutPreemptively(HANG_GUARD, () -> processor.forceFlush(10_000)));
    assertEquals(2, exporter.attempts().size(), "the flush tried the kept batch at once, once");
    assertEquals(5, processor.heldCount(), "and kept it");
    exporter.answer = ExportResult.SUCCESS;
    assertTrue(processor.forceFlush(10_000));
    assertEquals(names("s", 0, 5), exporter.names());
  }

  @Test
  void aPermanentFailureIsCountedAndNotRetried() throws Exception {
    start(2048, HOUR, 5);
    exporter.answer = ExportResult.FAILURE;
    endSpans("s", 5);
    await(() -> stats.failedCount() == 5, stats.toString());
    exporter.answer = ExportResult.SUCCESS;
    endSpans("t", 5);
    assertTrue(exporter.awaitSpans(5, 10_000));
    assertEquals(names("t", 0, 5), exporter.names());
    assertEquals(6, exporter.attempts().size() + 4, "no retry of the failed batch");
  }

  @Test
  void underPressureTheOldestKeptBatchIsDroppedCountedAndWarnedAbout() throws Exception {
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    dev.clew.core.log.AgentLog.setOutput(new java.io.PrintStream(log, true));
    try {
      start(100, 20, 10);
      exporter.answer = ExportResult.retryable(-1);
      endSpans("s", 100);
      await(() -> processor.heldCount() == 100, "the worker takes in everything: " + processor.heldCount());
      assertEquals(0, stats.droppedCount(), "a full queue alone drops nothing");
      endSpans("x", 1); // refused: the queue is full
      await(() -> processor.heldCount() + processor.queuedCount() == 90, "the oldest batch made room");
      endSpans("y", 10);
      assertEquals(100, processor.heldCount() + processor.queuedCount(), "never more than the queue size");
      exporter.answer = ExportResult.SUCCESS;
      assertTrue(exporter.awaitSpans(100, 10_000));
      List<String> expected = names("s", 10, 100);
      expected.addAll(names("y", 0, 10));
      assertEquals(expected, exporter.names(), "the oldest went, the newest arrived");
      assertEquals(100, stats.exportedCount());
      assertEquals(11, stats.droppedCount(), "ten kept and one refused");
      assertEquals(111, stats.exportedCount() + stats.droppedCount() + stats.failedCount(), "every span counted once");
      await(() -> log.toString().contains("spans dropped"), "warned: " + log);
      String warning = log.toString();
      assertTrue(warning.contains("otel.bsp.max.queue.size=100"), warning);
      assertTrue(warning.contains("Raise otel.bsp.max.queue.size"), warning);
      assertEquals(1, warning.split("spans dropped", -1).length - 1, "one warning, not one per span: " + warning);
    } finally {
      dev.clew.core.log.AgentLog.setOutput(System.err);
    }
  }

  @Test
  void shutdownRetriesKeptBatchesWithinItsCapThenCountsWhatIsLeft() throws Exception {
    start(2048, HOUR, 10);
    exporter.answer = ExportResult.retryable(-1);
    endSpans("s", 25);
    await(() -> exporter.attempts().size() >= 1, "first attempt");
    processor.shutdown(300);
    assertEquals(0, stats.exportedCount());
    assertEquals(25, stats.droppedCount(), "held and queued spans are counted at shutdown");
    assertTrue(exporter.shutDown);
  }

  @Test
  void shutdownDeliversKeptBatchesWhenTheBackendComesBack() throws Exception {
    start(2048, HOUR, 10);
    exporter.answer = ExportResult.retryable(-1);
    endSpans("s", 25);
    await(() -> exporter.attempts().size() >= 1, "first attempt");
    exporter.answer = ExportResult.SUCCESS;
    processor.shutdown(5_000);
    assertEquals(25, stats.exportedCount());
    assertEquals(names("s", 0, 25), exporter.names());
  }

  @Test
  void fullQueueDropsAndCountsWithoutBlockingTheEndingThread() throws Exception {
    start(10, HOUR, 5);
    exporter.hold = new CountDownLatch(1); // the backend hangs
    endSpans("first", 5);
    assertTrue(exporter.entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
    // the worker is stuck in export holding 5: 5 more fit in the queue of 10, the rest is dropped, and ending
    // never waits
    assertTimeoutPreemptively(HANG_GUARD, () -> endSpans("more", 10_000));
    assertEquals(10_000 - 5, stats.droppedCount());
    assertEquals(10, processor.heldCount() + processor.queuedCount(), "what the worker holds counts");
    exporter.hold.countDown();
    assertTrue(processor.forceFlush(10_000));
    assertEquals(10, stats.exportedCount());
    assertEquals(0, stats.failedCount());
  }

  @Test
  void flushDuringASlowExportStillExportsEveryBatchQueuedBehindIt() throws Exception {
    start(2048, HOUR, 5);
    exporter.hold = new CountDownLatch(1);
    endSpans("s", 5);
    assertTrue(exporter.entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
    endSpans("t", 23); // more than a batch waits behind the stuck export
    exporter.hold.countDown();
    assertTrue(processor.forceFlush(10_000));
    assertEquals(28, exporter.names().size());
    for (List<String> b : exporter.batches()) {
      assertTrue(b.size() <= 5, "batches never exceed the maximum: " + b);
    }
  }

  @Test
  void flushExportsEverythingQueued() throws Exception {
    start(2048, HOUR, 512);
    endSpans("s", 700);
    assertTrue(processor.forceFlush(10_000));
    assertEquals(700, exporter.names().size());
    assertEquals(0, processor.queuedCount());
    assertTrue(processor.forceFlush(10_000), "flushing an empty queue succeeds");
  }

  @Test
  void shutdownExportsWhatIsQueued() throws Exception {
    start(2048, HOUR, 512);
    endSpans("s", 30);
    processor.shutdown(10_000);
    assertEquals(30, exporter.names().size());
    assertTrue(exporter.shutDown);
  }

  @Test
  void shutdownIsBoundedWhenTheBackendHangs() throws Exception {
    start(2048, HOUR, 5);
    exporter.hold = new CountDownLatch(1); // released only by exporter.shutdown()
    endSpans("s", 20);
    assertTrue(exporter.entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
    assertTimeoutPreemptively(HANG_GUARD, () -> processor.shutdown(100));
    assertTrue(exporter.shutDown, "the exporter is told to give up");
    assertEquals(20, stats.droppedCount(), "spans left behind, queued or in the stuck batch, are counted as dropped");
    assertEquals(0, stats.exportedCount() + stats.failedCount());
  }

  @Test
  void forceFlushGivesUpAfterItsTimeout() throws Exception {
    start(2048, HOUR, 5);
    exporter.hold = new CountDownLatch(1);
    endSpans("s", 5);
    assertTrue(exporter.entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
    assertFalse(assertTimeoutPreemptively(HANG_GUARD, () -> processor.forceFlush(50)));
  }

  @Test
  void unsampledSpansAreNotQueued() {
    start(2048, HOUR, 512);
    TracerProvider provider = new TracerProvider(new Resource(Attributes.unlimited()),
        dev.clew.core.sampling.AlwaysOffSampler.INSTANCE, SpanLimits.defaults(),
        Collections.<SpanProcessor>singletonList(processor), stats);
    provider.tracer("t").spanBuilder("x").startSpan().end();
    assertTrue(processor.forceFlush(10_000));
    assertTrue(exporter.names().isEmpty());
  }

  @Test
  void spansStartedOnTheExportThreadAreNotRecorded() throws Exception {
    start(2048, HOUR, 512);
    boolean[] recording = new boolean[1];
    Thread t = new AgentThread(() -> recording[0] = tracer.spanBuilder("own-http-call").startSpan().isRecording(),
        "test-export");
    t.start();
    t.join();
    assertFalse(recording[0]);
    assertTrue(t.isDaemon());
  }

  @Test
  void settingsFromConfigUseDefaultsAndWarnAboutNonsense() {
    BatchSpanProcessor.Settings d = BatchSpanProcessor.Settings.fromConfig(Config.of(new HashMap<>()));
    assertEquals(2048, d.maxQueueSize);
    assertEquals(5000, d.scheduleDelayMillis);
    assertEquals(512, d.maxExportBatchSize);
    assertEquals(30000, d.exportTimeoutMillis);
    Map<String, String> m = new HashMap<>();
    m.put("otel.bsp.max.queue.size", "100");
    m.put("otel.bsp.max.export.batch.size", "500");
    m.put("otel.bsp.schedule.delay", "2s");
    m.put("otel.bsp.export.timeout", "soon");
    BatchSpanProcessor.Settings s = BatchSpanProcessor.Settings.fromConfig(Config.of(m));
    assertEquals(100, s.maxQueueSize);
    assertEquals(100, s.maxExportBatchSize, "a batch cannot be larger than the queue");
    assertEquals(2000, s.scheduleDelayMillis);
    assertEquals(30000, s.exportTimeoutMillis);
    processor = new BatchSpanProcessor(exporter, s, stats);
  }
}
