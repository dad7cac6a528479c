package dev.clew.testing;

import dev.clew.bootstrap.CurrentSpanIds;
import java.util.concurrent.Callable;

/**
 * Runs test code inside a span without touching the agent's API: a module's tests name these methods
 * in {@code -Dclew.trace.methods=dev.clew.testing.TracedCode[run,call]} (with the methods module on
 * the agent class path), so each call is an INTERNAL span; {@link #spanId()} and {@link #traceId()}
 * read what is current through the bootstrap bridge.
 */
public final class TracedCode {
  private TracedCode() {}

  /** Runs {@code body} in a new span (a child of the current one, if any). */
  public static void run(Runnable body) {
    body.run();
  }

  /** Calls {@code body} in a new span (a child of the current one, if any). */
  public static <T> T call(Callable<T> body) throws Exception {
    return body.call();
  }

  /** The current span id in hex, or null when no span is current. */
  public static String spanId() {
    return CurrentSpanIds.spanId();
  }

  /** The current trace id in hex, or null when no span is current. */
  public static String traceId() {
    return CurrentSpanIds.traceId();
  }
}
