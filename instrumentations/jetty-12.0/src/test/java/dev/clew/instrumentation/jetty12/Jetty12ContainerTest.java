package dev.clew.instrumentation.jetty12;

import dev.clew.testing.servlet.ContainerSpanSuite;
import dev.clew.testing.servlet.ServletApi;

/** Jetty 12 (ee10) with only this module in the agent (the servlet modules' suites cover ee8 and ee10 with them). */
class Jetty12ContainerTest extends ContainerSpanSuite {
  Jetty12ContainerTest() {
    super(ServletApi.JAKARTA.jetty());
  }
}
