package dev.clew.core.log;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own log, on stderr with a {@code [clew]} prefix. It never uses the application's
 * logging framework (which may not exist yet, or may be instrumented). Repeated failures of one kind
 * are throttled through {@link #warnThrottled}.
 */
public final class AgentLog {
  private static final long THROTTLE_NANOS = 60_000_000_000L;
  private static volatile boolean debug;
  private static volatile PrintStream out = System.err;
  private static final ConcurrentHashMap<String, long[]> LAST_WARNING = new ConcurrentHashMap<>();

  private AgentLog() {}

  /** Where the log goes; standard error unless changed. */
  public static void setOutput(PrintStream stream) {
    out = stream;
  }

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }

  public static void debug(String message) {
    if (debug) {
      print("DEBUG", message, null);
    }
  }

  public static void info(String message) {
    print("INFO", message, null);
  }

  public static void warn(String message) {
    print("WARN", message, null);
  }

  public static void warn(String message, Throwable t) {
    print("WARN", message, t);
  }

  public static void error(String message, Throwable t) {
    print("ERROR", message, t);
  }

  /**
   * Logs at most one warning per {@code kind} per minute, saying how many were suppressed since.
   * Returns whether it logged.
   */
  public static boolean warnThrottled(String kind, String message) {
    long now = System.nanoTime();
    long[] state = LAST_WARNING.computeIfAbsent(kind, k -> new long[] {now - THROTTLE_NANOS - 1, 0});
    long suppressed;
    synchronized (state) {
      if (now - state[0] < THROTTLE_NANOS) {
        state[1]++;
        return false;
      }
      state[0] = now;
      suppressed = state[1];
      state[1] = 0;
    }
    print("WARN", suppressed > 0 ? message + " (" + suppressed + " similar warnings suppressed)" : message, null);
    return true;
  }

  private static void print(String level, String message, Throwable t) {
    PrintStream s = out;
    s.println("[clew] " + level + " " + message);
    if (t != null && debug) {
      t.printStackTrace(s);
    } else if (t != null) {
      s.println("[clew]   caused by " + t);
    }
  }
}
