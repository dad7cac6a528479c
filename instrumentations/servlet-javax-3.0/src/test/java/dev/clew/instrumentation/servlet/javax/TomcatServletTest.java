package dev.clew.instrumentation.servlet.javax;

import dev.clew.testing.servlet.ServletApi;
import dev.clew.testing.servlet.ServletServerSuite;
import dev.clew.testing.servlet.TomcatServer;

/** The HTTP server suite on embedded Tomcat (the version in this module's pom). */
class TomcatServletTest extends ServletServerSuite {
  TomcatServletTest() {
    super(new TomcatServer(ServletApi.JAVAX));
  }
}
