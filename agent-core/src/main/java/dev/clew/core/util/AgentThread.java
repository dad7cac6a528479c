package dev.clew.core.util;

/**
 * A daemon thread of the agent's own (export worker, stats reporter). The tracer records no span on
 * it, so the exporter's HTTP requests are never traced and never feed back into the queue; being a
 * daemon, it never holds the JVM open.
 */
public final class AgentThread extends Thread {
  public AgentThread(Runnable task, String name) {
    super(task, name);
    setDaemon(true);
    // the agent's loader, not whatever the creating application thread had
    setContextClassLoader(AgentThread.class.getClassLoader());
  }

  /** Whether the calling thread is one of the agent's own; spans started on it are not recorded. */
  public static boolean isCurrent() {
    return Thread.currentThread() instanceof AgentThread;
  }
}
