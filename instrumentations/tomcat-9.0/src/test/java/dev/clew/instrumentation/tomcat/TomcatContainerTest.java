package dev.clew.instrumentation.tomcat;

import dev.clew.testing.servlet.ContainerSpanSuite;
import dev.clew.testing.servlet.ServletApi;
import dev.clew.testing.servlet.TomcatServer;

/** Tomcat 9 with only this module in the agent (the servlet modules' suites cover Tomcat 9 and 11 with them). */
class TomcatContainerTest extends ContainerSpanSuite {
  TomcatContainerTest() {
    super(new TomcatServer(ServletApi.JAVAX));
  }
}
