package dev.clew.testapp.jdbc;

/** Traced by the methods instrumentation in these tests ({@code clew.trace.methods}): an INTERNAL parent span. */
public final class TracedWork {
  /** Work that may throw SQL exceptions. */
  @FunctionalInterface
  public interface SqlWork {
    void run() throws Exception;
  }

  private TracedWork() {}

  public static void run(SqlWork work) throws Exception {
    work.run();
  }
}
