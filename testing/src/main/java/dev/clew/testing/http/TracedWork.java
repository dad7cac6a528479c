package dev.clew.testing.http;

/**
 * Application code that server tests call from a handler; their module traces it with
 * {@code -Dclew.trace.methods=dev.clew.testing.http.TracedWork[work]} so its INTERNAL span
 * {@code TracedWork.work} shows where the handler's context was current.
 */
public final class TracedWork {
  private TracedWork() {}

  public static String work(String input) {
    return input.toUpperCase(java.util.Locale.ROOT);
  }
}
