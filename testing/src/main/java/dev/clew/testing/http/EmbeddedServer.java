package dev.clew.testing.http;

/** A server started in the test's JVM, serving what its test expects (e.g. {@link HttpServerSuite}'s endpoints). */
public interface EmbeddedServer {
  /** Starts on a free port of 127.0.0.1 and returns it. */
  int start() throws Exception;

  void stop() throws Exception;
}
