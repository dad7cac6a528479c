package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import dev.clew.core.util.AgentThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of a burst of class loading (start-up, a first request, a redeployment): no class defined or
 * transformed for {@link #QUIET_NANOS}. The agent's start-up state ({@link TypePoolCache}'s type pools, the
 * {@link ClassFilter}'s indexes) is worth its heap only while classes load; once loading goes quiet, a
 * short-lived daemon thread runs the registered actions (drop, compact) and ends. The next class defined or
 * transformed starts a new one.
 */
final class ClassLoadingQuiet implements Runnable {
  /** How long without a class defined or transformed before the actions run. */
  static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final long quietNanos;
  private final List<Runnable> actions = new CopyOnWriteArrayList<>();
  private volatile long lastActivity;
  private final AtomicBoolean waiting = new AtomicBoolean();

  ClassLoadingQuiet() {
    this(QUIET_NANOS);
  }

  ClassLoadingQuiet(long quietNanos) {
    this.quietNanos = quietNanos;
  }

  /** Runs {@code action} every time class loading goes quiet (on the waiting thread; failures are its own). */
  void onQuiet(Runnable action) {
    actions.add(action);
  }

  long quietSeconds() {
    return TimeUnit.NANOSECONDS.toSeconds(quietNanos);
  }

  /** A class is being defined or transformed: called for every one, so a clock read and a flag check. */
  void activity() {
    lastActivity = System.nanoTime();
    if (!waiting.get() && waiting.compareAndSet(false, true)) {
      try {
        new AgentThread(this, "clew-class-loading-quiet").start(); // no lambda to link mid-definition
      } catch (Throwable t) {
        waiting.set(false); // the next class tries again
      }
    }
  }

  /** The waiting thread's body. */
  @Override
  public void run() {
    try {
      for (long idle; (idle = System.nanoTime() - lastActivity) < quietNanos; ) {
        TimeUnit.NANOSECONDS.sleep(quietNanos - idle);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // flag first: a class from now on starts a new waiter, so nothing it adds stays uncompacted for good
      waiting.set(false);
      for (Runnable action : actions) {
        try {
          action.run();
        } catch (Throwable t) {
          AgentLog.warn("clean-up after class loading went quiet failed; its state stays as it was", t);
        }
      }
    }
  }
}
