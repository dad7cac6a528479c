package dev.clew.core.export;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands sampled spans to an exporter in batches, from one daemon worker thread. The application
 * thread that ends a span only offers it to a lock-free bounded queue (O(1), never waits); when the
 * queue is full the span is dropped and counted. The worker exports when a batch is full, when the
 * schedule delay has passed since the last export, on {@link #forceFlush} and on {@link #shutdown}.
 */
public final class BatchSpanProcessor implements SpanProcessor {
  private final SpanExporter exporter;
  private final ExportStats stats;
  private final SpanQueue<RecordingSpan> queue;
  private final int maxBatch;
  private final long delayNanos;
  private final Thread worker;
  private final ConcurrentLinkedQueue<CountDownLatch> flushRequests = new ConcurrentLinkedQueue<>();
  // spans the worker has drained and not yet counted; whoever takes them (worker or an abandoning shutdown) counts
  private final AtomicInteger held = new AtomicInteger();
  private volatile boolean workerWaiting;
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
    this.exporter = exporter;
    this.stats = stats;
    this.queue = new SpanQueue<>(settings.maxQueueSize);
    this.maxBatch = settings.maxExportBatchSize;
    // at least 1 ms, so a delay of 0 means "as soon as possible" without a spinning worker
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, settings.scheduleDelayMillis));
    this.worker = new ExportThread(new Worker(), "clew-export-" + exporter.name());
    worker.start();
  }

  @Override
  public void onEnd(RecordingSpan span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    if (!queue.offer(span)) {
      stats.dropped(1);
      return;
    }
    // wake the worker early only when a full batch is waiting (counting what it already drained);
    // otherwise it wakes on its schedule
    if (workerWaiting && queue.size() + held.get() >= maxBatch) {
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
      int left = queue.size() + held.getAndSet(0);
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

  private final class Worker implements Runnable {
    private final List<SpanData> pending = new ArrayList<>();

    @Override
    public void run() {
      long nextExport = System.nanoTime() + delayNanos;
      while (!abandoned) {
        drain();
        boolean stopping = shutdownRequested;
        if (stopping || !flushRequests.isEmpty()) {
          // only requests made before this export are answered by it
          List<CountDownLatch> answered = takeFlushRequests();
          exportEverythingQueued();
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
        if (pending.size() >= maxBatch || now - nextExport >= 0) {
          exportPending();
          nextExport = System.nanoTime() + delayNanos;
          continue;
        }
        workerWaiting = true;
        // re-check after announcing, so a producer that filled a batch meanwhile is not missed
        if (queue.size() + pending.size() < maxBatch && flushRequests.isEmpty() && !shutdownRequested) {
          LockSupport.parkNanos(BatchSpanProcessor.this, nextExport - now);
        }
        workerWaiting = false;
      }
    }

    /** Exports what is pending and the queue's content as of now, in full batches, then what is left. */
    private void exportEverythingQueued() {
      int remaining = queue.size();
      do {
        remaining -= drain();
        if (pending.isEmpty() || abandoned) {
          break;
        }
        exportPending();
      } while (remaining > 0);
    }

    private int drain() {
      int n = queue.drainTo(pending, maxBatch - pending.size());
      held.addAndGet(n);
      return n;
    }

    private List<CountDownLatch> takeFlushRequests() {
      List<CountDownLatch> taken = new ArrayList<>(2);
      CountDownLatch l;
      while ((l = flushRequests.poll()) != null) {
        taken.add(l);
      }
      return taken;
    }

    private void exportPending() {
      if (pending.isEmpty()) {
        return;
      }
      boolean ok;
      try {
        ok = exporter.export(pending);
      } catch (Throwable t) {
        AgentLog.warnThrottled("export-" + exporter.name() + "-exception",
            "exporter " + exporter.name() + " failed: " + t);
        ok = false;
      }
      pending.clear();
      int n = held.getAndSet(0);
      if (ok) {
        stats.exported(n);
      } else {
        stats.failed(n);
      }
    }
  }
}
