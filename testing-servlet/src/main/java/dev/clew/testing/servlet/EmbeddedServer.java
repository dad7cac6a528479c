package dev.clew.testing.servlet;

/** A servlet container started in the test's JVM with {@link ServletTestApp}. */
public interface EmbeddedServer {
  /** Starts on a free port of 127.0.0.1 and returns it. */
  int start() throws Exception;

  void stop() throws Exception;
}
