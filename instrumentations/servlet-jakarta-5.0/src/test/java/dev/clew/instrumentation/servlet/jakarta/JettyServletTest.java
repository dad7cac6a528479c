package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.testing.servlet.ServletApi;
import dev.clew.testing.servlet.ServletServerSuite;

/** The HTTP server suite on embedded Jetty 12. */
class JettyServletTest extends ServletServerSuite {
  JettyServletTest() {
    super(ServletApi.JAKARTA.jetty());
  }
}
