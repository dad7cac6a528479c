package dev.clew.core.export;

import dev.clew.core.trace.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An exporter that keeps copies of the batches it delivered; it can be told to hold the export thread
 * (a backend that does not answer) until released or shut down, or to answer with another result (a
 * backend that is down); every attempt is recorded.
 */
final class RecordingExporter implements SpanExporter {
  final List<List<String>> batches = new ArrayList<>();
  final List<List<String>> attempts = new ArrayList<>();
  final List<Long> attemptNanos = new ArrayList<>();
  volatile ExportResult answer = ExportResult.SUCCESS;
  /** Answers for the next attempts, before {@link #answer}: a test need not race the worker to change it. */
  final Queue<ExportResult> nextAnswers = new ConcurrentLinkedQueue<>();
  volatile CountDownLatch hold; // when set, export waits for it
  final CountDownLatch entered = new CountDownLatch(1);
  volatile boolean shutDown;

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    List<String> names = new ArrayList<>();
    for (SpanData s : spans) {
      names.add(s.name());
    }
    entered.countDown();
    CountDownLatch h = hold;
    if (h != null) {
      try {
        h.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ExportResult next = nextAnswers.poll();
    ExportResult r = next != null ? next : answer;
    synchronized (this) {
      attempts.add(names);
      attemptNanos.add(System.nanoTime());
      if (r.isSuccess()) {
        batches.add(names);
      }
    }
    return r;
  }

  synchronized List<List<String>> attempts() {
    return new ArrayList<>(attempts);
  }

  /** When each attempt was answered ({@link System#nanoTime}). */
  synchronized List<Long> attemptNanos() {
    return new ArrayList<>(attemptNanos);
  }

  synchronized List<List<String>> batches() {
    return new ArrayList<>(batches);
  }

  synchronized List<String> names() {
    List<String> all = new ArrayList<>();
    for (List<String> b : batches) {
      all.addAll(b);
    }
    return all;
  }

  /** Waits until at least {@code n} spans were exported; false if that did not happen within the time. */
  boolean awaitSpans(int n, long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (names().size() < n) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public void shutdown() {
    shutDown = true;
    CountDownLatch h = hold;
    if (h != null) {
      h.countDown();
    }
  }

  @Override
  public String name() {
    return "recording";
  }
}
