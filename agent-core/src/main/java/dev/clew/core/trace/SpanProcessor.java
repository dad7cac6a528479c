package dev.clew.core.trace;

import dev.clew.core.context.Context;

/** Sees recording spans start and end. {@link #onEnd} runs on the application thread: keep it O(1). */
public interface SpanProcessor {
  default void onStart(Context parent, RecordingSpan span) {}

  void onEnd(RecordingSpan span);

  /** Exports what is pending, waiting at most the given time; returns whether everything went out. */
  default boolean forceFlush(long timeoutMillis) {
    return true;
  }

  /** Flushes and stops, waiting at most the given time. */
  default void shutdown(long timeoutMillis) {}
}
