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

  private void start(int queueSize, long delayMillis, int batchSize) {
    processor = new BatchSpanProcessor(exporter,
        new BatchSpanProcessor.Settings(queueSize, delayMillis, batchSize, 30_000), stats);
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
    assertEquals(Collections.singletonList(List.of("s0", "s1", "s2")), exporter.batches());
  }

  @Test
  void zeroDelayExportsEachSpanSoon() throws Exception {
    start(2048, 0, 512);
    endSpans("s", 1);
    assertTrue(exporter.awaitSpans(1, 10_000));
    endSpans("t", 1);
    assertTrue(exporter.awaitSpans(2, 10_000));
  }

  @Test
  void fullQueueDropsAndCountsWithoutBlockingTheEndingThread() throws Exception {
    start(10, HOUR, 5);
    exporter.hold = new CountDownLatch(1); // the backend hangs
    endSpans("first", 5);
    assertTrue(exporter.entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
    // the worker is stuck in export: 10 more fit in the queue, the rest is dropped, and ending never waits
    assertTimeoutPreemptively(HANG_GUARD, () -> endSpans("more", 10_000));
    assertEquals(10_000 - 10, stats.droppedCount());
    exporter.hold.countDown();
    assertTrue(processor.forceFlush(10_000));
    assertEquals(15, stats.exportedCount());
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
