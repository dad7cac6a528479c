package dev.clew.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Every throwable that advice suppresses ends here: counted, and handed to the core's logger. Tests
 * assert the count stays zero; users see the first few in the log.
 */
public final class AdviceErrors {
  /** Implemented by the agent core's logging. */
  public interface Listener {
    void onAdviceError(Throwable t);
  }

  private static final AtomicLong COUNT = new AtomicLong();
  private static volatile Listener listener;

  private AdviceErrors() {}

  public static void setListener(Listener l) {
    listener = l;
  }

  public static void record(Throwable t) {
    COUNT.incrementAndGet();
    Listener l = listener;
    if (l != null) {
      try {
        l.onAdviceError(t);
      } catch (Throwable ignored) {
        // logging must not fail the application either
      }
    }
  }

  public static long count() {
    return COUNT.get();
  }
}
