package dev.clew.bootstrap;

/**
 * The ids of the span current on the calling thread, for code that cannot see the agent's classes:
 * the {@code java.util.logging} formatter users configure by name, and tests. The agent core installs
 * the {@link Source}; before that, or without a valid current span, every method returns null.
 */
public final class CurrentSpanIds {
  /** Implemented by the agent core. */
  public interface Source {
    /** Trace id, span id and trace flags in hex, or null when no valid span is current. */
    String[] current();
  }

  private static volatile Source source;

  private CurrentSpanIds() {}

  public static void setSource(Source s) {
    source = s;
  }

  /** Trace id, span id and trace flags in hex ({@code 32, 16, 2} digits), or null. */
  public static String[] current() {
    Source s = source;
    if (s == null) {
      return null;
    }
    try {
      return s.current();
    } catch (Throwable t) {
      return null;
    }
  }

  public static String traceId() {
    String[] ids = current();
    return ids == null ? null : ids[0];
  }

  public static String spanId() {
    String[] ids = current();
    return ids == null ? null : ids[1];
  }

  public static String traceFlags() {
    String[] ids = current();
    return ids == null ? null : ids[2];
  }
}
