package dev.clew.core.trace;

import java.util.concurrent.atomic.AtomicLong;

/** Self-observation counters: what happened to every span, reported at shutdown and in debug mode. */
public final class ExportStats {
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public void started() {
    started.incrementAndGet();
  }

  public void ended() {
    ended.incrementAndGet();
  }

  public void exported(int n) {
    exported.addAndGet(n);
  }

  /** Dropped before export, e.g. the queue was full. */
  public void dropped(int n) {
    dropped.addAndGet(n);
  }

  /** Given to an exporter that failed to deliver them. */
  public void failed(int n) {
    failed.addAndGet(n);
  }

  public long startedCount() {
    return started.get();
  }

  public long endedCount() {
    return ended.get();
  }

  public long exportedCount() {
    return exported.get();
  }

  public long droppedCount() {
    return dropped.get();
  }

  public long failedCount() {
    return failed.get();
  }

  @Override
  public String toString() {
    return "spans started=" + started + " ended=" + ended + " exported=" + exported
        + " dropped=" + dropped + " failed=" + failed;
  }
}
