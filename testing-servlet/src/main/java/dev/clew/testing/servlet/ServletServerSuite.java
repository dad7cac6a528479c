package dev.clew.testing.servlet;

import dev.clew.testing.http.HttpServerSuite;

/** {@link HttpServerSuite} on an {@link EmbeddedServer} serving {@link ServletTestApp}. */
public abstract class ServletServerSuite extends HttpServerSuite {
  private final EmbeddedServer server;

  protected ServletServerSuite(EmbeddedServer server) {
    this.server = server;
  }

  @Override
  protected int startServer() throws Exception {
    return server.start();
  }

  @Override
  protected void stopServer() throws Exception {
    server.stop();
  }

  /** With {@code -Dclew.test.container-spans=true}: the JVM's agent traces the container (Tomcat, Jetty) too. */
  @Override
  protected String unservedPath() {
    return Boolean.getBoolean("clew.test.container-spans") ? ServletTestApp.UNSERVED_PATH : null;
  }
}
