package dev.clew.core.export;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.util.AgentThread;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands sampled spans to an exporter in batches, from one daemon worker thread. The application
 * thread that ends a span only offers it to a lock-free bounded queue (O(1), never waits); when the
 * queue is full the span is dropped and counted. The worker exports when a batch is full, when the
 * schedule delay has passed since the last export, on {@link #forceFlush} and on {@link #shutdown}.
 *
 * <p>A batch the backend did not take for a reason that may heal (down, overloaded, slow) is kept and
 * tried again after a capped, jittered backoff or the backend's {@code Retry-After}; newer batches wait
 * behind it, in order. Kept batches count against the queue size, so memory stays bounded by it: an
 * outage shorter than what the queue holds loses nothing. When the queue fills up meanwhile, the oldest
 * kept batch is dropped to make room (newer spans are worth more), counted, and warned about once, then
 * once a minute while it goes on.
 */
public final class BatchSpanProcessor implements SpanProcessor {
  private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final SpanExporter exporter;
  private final ExportStats stats;
  private final SpanQueue<RecordingSpan> queue;
  private final int maxBatch;
  private final long delayNanos;
  private final RetryPolicy retry;
  private final Thread worker;
  private final ConcurrentLinkedQueue<CountDownLatch> flushRequests = new ConcurrentLinkedQueue<>();
  // spans the full queue turned away, for the worker's warning (the ending thread must not log)
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean workerWaiting;
  private volatile boolean retrying; // the backend fails: batches wait for the next retry, in order
  private volatile boolean shutdownRequested;
  private volatile boolean abandoned;

  /** The {@code otel.bsp.*} settings. */
  public static final class Settings {
    public final int maxQueueSize;
    public final long scheduleDelayMillis;
    public final int maxExportBatchSize;
    public final long exportTimeoutMillis;

    public Settings(int maxQueueSize, long scheduleDelayMillis, int maxExportBatchSize, long exportTimeoutMillis) {
      this.maxQueueSize = Math.max(1, maxQueueSize);
      this.scheduleDelayMillis = Math.max(0, scheduleDelayMillis);
      this.maxExportBatchSize = Math.max(1, Math.min(maxExportBatchSize, this.maxQueueSize));
      this.exportTimeoutMillis = Math.max(1, exportTimeoutMillis);
    }

    public static Settings fromConfig(Config config) {
      int queue = config.getPositiveInt("otel.bsp.max.queue.size", 2048);
      int batch = config.getPositiveInt("otel.bsp.max.export.batch.size", 512);
      if (batch > queue) {
        AgentLog.warn("otel.bsp.max.export.batch.size (" + batch + ") is larger than otel.bsp.max.queue.size ("
            + queue + "); using " + queue);
        batch = queue;
      }
      long delay = config.getDuration("otel.bsp.schedule.delay", 5000);
      long timeout = config.getPositiveDuration("otel.bsp.export.timeout", 30000);
      return new Settings(queue, delay, batch, timeout);
    }
  }

  public BatchSpanProcessor(SpanExporter exporter, Settings settings, ExportStats stats) {
    this(exporter, settings, stats, RetryPolicy.defaults());
  }

  public BatchSpanProcessor(SpanExporter exporter, Settings settings, ExportStats stats, RetryPolicy retry) {
    this.exporter = exporter;
    this.stats = stats;
    this.retry = retry;
    this.queue = new SpanQueue<>(settings.maxQueueSize);
    this.maxBatch = settings.maxExportBatchSize;
    // at least 1 ms, so a delay of 0 means "as soon as possible" without a spinning worker
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, settings.scheduleDelayMillis));
    this.worker = new AgentThread(new Worker(), "clew-export-" + exporter.name());
    worker.start();
  }

  @Override
  public void onEnd(RecordingSpan span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    if (!queue.offer(span)) {
      stats.dropped(1);
      refused.incrementAndGet();
      wakeWorker(); // pressure: the worker may make room by dropping the oldest kept batch
      return;
    }
    // wake the worker early only when a full batch is waiting (counting what it already drained) and
    // it may send it; otherwise it wakes on its schedule
    if (workerWaiting && !retrying && queue.size() + queue.held() >= maxBatch) {
      wakeWorker();
    }
  }

  private void wakeWorker() {
    if (workerWaiting) {
      workerWaiting = false;
      LockSupport.unpark(worker);
    }
  }

  /** Asks the worker to export everything queued now; waits at most the given time. */
  @Override
  public boolean forceFlush(long timeoutMillis) {
    if (!worker.isAlive()) {
      return queue.size() == 0;
    }
    CountDownLatch done = new CountDownLatch(1);
    flushRequests.add(done);
    LockSupport.unpark(worker);
    try {
      return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Exports what is queued and stops the worker, waiting at most the given time. If the backend is too
   * slow the worker (a daemon) is abandoned, the exporter closed, and the spans left behind counted as dropped.
   */
  @Override
  public void shutdown(long timeoutMillis) {
    if (shutdownRequested) {
      return;
    }
    shutdownRequested = true;
    LockSupport.unpark(worker);
    try {
      worker.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      abandoned = true;
      LockSupport.unpark(worker); // out of a retry wait
      int left = queue.releaseAll() + queue.size();
      AgentLog.warn("exporter " + exporter.name() + " did not finish within " + timeoutMillis
          + " ms at shutdown; " + left + " spans are dropped");
      stats.dropped(left);
    }
    try {
      exporter.shutdown();
    } catch (Throwable t) {
      AgentLog.warn("exporter " + exporter.name() + " failed to shut down: " + t);
    }
  }

  /** Spans waiting in the queue; for tests and self-observation. */
  public int queuedCount() {
    return queue.size();
  }

  /** Spans the worker holds: the batch being filled or sent, and failed batches kept for a retry. */
  public int heldCount() {
    return queue.held();
  }

  private final class Worker implements Runnable {
    private List<SpanData> pending = new ArrayList<>();
    private final ArrayDeque<List<SpanData>> failed = new ArrayDeque<>(); // kept for a retry, oldest first
    private int failures; // retryable failures in a row
    private long failingSince;
    private long nextRetry;
    private long refusedSeen;
    private long evicted;
    private long lostReported;
    private long lastWarning;
    private boolean warned;

    @Override
    public void run() {
      long nextExport = System.nanoTime() + delayNanos;
      while (!abandoned) {
        drain();
        makeRoomUnderPressure();
        warnAboutLosses();
        boolean stopping = shutdownRequested;
        if (stopping || !flushRequests.isEmpty()) {
          // only requests made before this export are answered by it
          List<CountDownLatch> answered = takeFlushRequests();
          exportEverythingQueued(stopping);
          for (CountDownLatch l : answered) {
            l.countDown();
          }
          if (stopping) {
            return;
          }
          nextExport = System.nanoTime() + delayNanos;
          continue;
        }
        long now = System.nanoTime();
        boolean backingOff = failures > 0 && now - nextRetry < 0;
        if (!failed.isEmpty()) {
          if (!backingOff) {
            retryFailed();
            continue;
          }
        } else if (!backingOff && (pending.size() >= maxBatch || now - nextExport >= 0)) {
          exportPending();
          nextExport = System.nanoTime() + delayNanos;
          continue;
        }
        // while backing off, wake at least every schedule delay to take in spans and report losses
        long wakeAt = backingOff ? now + Math.min(delayNanos, nextRetry - now) : nextExport;
        workerWaiting = true;
        // re-check after announcing, so a producer that filled a batch meanwhile is not missed
        boolean batchReady = !retrying && queue.size() + pending.size() >= maxBatch;
        if (!batchReady && flushRequests.isEmpty() && !shutdownRequested && refused.get() == refusedSeen) {
          LockSupport.parkNanos(BatchSpanProcessor.this, wakeAt - now);
        }
        workerWaiting = false;
      }
    }

    /**
     * Exports the kept batches and what is queued as of now. A flush tries the kept batches once and leaves
     * them for later if the backend still fails; shutdown keeps retrying until everything is out or it is
     * abandoned ({@code clew.shutdown.timeout}).
     */
    private void exportEverythingQueued(boolean stopping) {
      int remaining = queue.size();
      boolean firstTry = true;
      while (!abandoned) {
        if (!failed.isEmpty()) {
          if (!firstTry) {
            if (!stopping) {
              return; // a flush does not wait out a backoff: the batches stay kept
            }
            awaitRetry();
          }
          firstTry = false;
          retryFailed();
          if (!failed.isEmpty()) {
            if (!stopping) {
              return;
            }
            drain();
            continue;
          }
        }
        remaining -= drain();
        if (pending.isEmpty()) {
          return;
        }
        exportPending();
        firstTry = false;
        if (remaining <= 0 && failed.isEmpty()) {
          return;
        }
      }
    }

    /** Moves queued spans to the batch being filled; while the backend fails, full batches queue behind the failed ones. */
    private int drain() {
      int n = queue.drainTo(pending, maxBatch - pending.size());
      while (failures > 0 && pending.size() >= maxBatch) {
        failed.addLast(pending);
        pending = new ArrayList<>(maxBatch);
        n += queue.drainTo(pending, maxBatch);
      }
      return n;
    }

    /**
     * The queue refused spans since the last look: drop the oldest kept batch so newer spans find room. Not
     * before: if the backend comes back just then, nothing was lost for nothing.
     */
    private void makeRoomUnderPressure() {
      long r = refused.get();
      boolean pressed = r != refusedSeen;
      refusedSeen = r;
      if (pressed && !failed.isEmpty()) {
        List<SpanData> oldest = failed.pollFirst();
        int n = queue.release(oldest.size());
        stats.dropped(n);
        evicted += n;
      }
    }

    /** Once at the first loss, then a summary per minute while losses go on. */
    private void warnAboutLosses() {
      long lost = refused.get() + evicted;
      if (lost == lostReported) {
        return;
      }
      long now = System.nanoTime();
      if (warned && now - lastWarning < WARN_INTERVAL_NANOS) {
        return;
      }
      String backend = failures == 0 ? "" : "; the backend has not taken spans for "
          + TimeUnit.NANOSECONDS.toSeconds(now - failingSince) + " s (" + failures + " failed attempts)";
      AgentLog.warn("exporter " + exporter.name() + ": " + (lost - lostReported) + " spans dropped"
          + (warned ? " in the last minute" : "") + " because the export queue was full (otel.bsp.max.queue.size="
          + queue.capacity() + backend + "); " + lost + " in total. Raise otel.bsp.max.queue.size to hold more.");
      warned = true;
      lastWarning = now;
      lostReported = lost;
    }

    /** Sends the kept batches oldest first until one fails again. */
    private void retryFailed() {
      while (!failed.isEmpty() && !abandoned) {
        List<SpanData> batch = failed.peekFirst();
        ExportResult r = export(batch);
        if (r.isRetryable()) {
          scheduleRetry(r);
          return;
        }
        failed.pollFirst();
        count(batch.size(), r);
      }
    }

    private void exportPending() {
      if (pending.isEmpty()) {
        return;
      }
      ExportResult r = export(pending);
      if (r.isRetryable()) {
        failed.addLast(pending);
        pending = new ArrayList<>(maxBatch);
        scheduleRetry(r);
        return;
      }
      int n = pending.size();
      pending.clear();
      count(n, r);
    }

    private ExportResult export(List<SpanData> batch) {
      if (abandoned) {
        return ExportResult.FAILURE;
      }
      try {
        return exporter.export(batch);
      } catch (Throwable t) {
        AgentLog.warnThrottled("export-" + exporter.name() + "-exception",
            "exporter " + exporter.name() + " failed: " + t);
        return ExportResult.FAILURE;
      }
    }

    private void count(int n, ExportResult r) {
      int released = queue.release(n); // 0 when an abandoning shutdown already counted them
      if (r.isSuccess()) {
        stats.exported(released);
        if (failures > 0) {
          AgentLog.info("exporter " + exporter.name() + ": the backend takes spans again after " + failures
              + " failed attempts over " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince) + " s");
          failures = 0;
          retrying = false;
        }
      } else {
        stats.failed(released);
      }
    }

    private void scheduleRetry(ExportResult r) {
      long now = System.nanoTime();
      if (failures++ == 0) {
        failingSince = now;
        retrying = true;
      }
      nextRetry = now + TimeUnit.MILLISECONDS.toNanos(retry.delayMillis(failures, r.retryAfterMillis()));
    }

    /** Waits for the next retry; an abandoning shutdown cuts the wait short. */
    private void awaitRetry() {
      long left;
      while (!abandoned && (left = nextRetry - System.nanoTime()) > 0) {
        LockSupport.parkNanos(BatchSpanProcessor.this, left);
      }
    }

    private List<CountDownLatch> takeFlushRequests() {
      List<CountDownLatch> taken = new ArrayList<>(2);
      CountDownLatch l;
      while ((l = flushRequests.poll()) != null) {
        taken.add(l);
      }
      return taken;
    }
  }
}
