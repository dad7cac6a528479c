package dev.clew.testing.servlet;

import dev.clew.testing.http.EmbeddedServer;
import dev.clew.testing.http.HttpServerSuite;

/** {@link HttpServerSuite} on an {@link EmbeddedServer} serving {@link ServletTestApp}. */
public abstract class ServletServerSuite extends HttpServerSuite {
  protected ServletServerSuite(EmbeddedServer server) {
    super(server);
  }

  @Override
  protected String unservedPath() {
    return ServletTestApp.UNSERVED_PATH;
  }

  /** With {@code -Dclew.test.container-spans=true}: the JVM's agent traces the container (Tomcat, Jetty) too. */
  @Override
  protected boolean tracesContainer() {
    return Boolean.getBoolean("clew.test.container-spans");
  }
}
