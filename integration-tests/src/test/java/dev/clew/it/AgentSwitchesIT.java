package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Turning the agent, or one instrumentation, off by configuration: no spans, the application unaffected. */
class AgentSwitchesIT {
  private static final String METHODS = "com.acme.app.OrdersApp$OrderService[place,cancel];com.acme.app.OrdersApp$Repository[*]";
  private static final String EXPECTED = "caught java.lang.IllegalStateException: no order missing from delete";

  @Test
  void agentDisabledRecordsNothing() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("otel.javaagent.enabled", "false")
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", METHODS)
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains(EXPECTED), r::toString);
    assertFalse(r.stdout().contains("[clew] span"), r::toString);
    assertTrue(r.stderr().contains("clew is disabled"), r::toString);
  }

  @Test
  void agentDisabledThroughTheEnvironment() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .env("OTEL_JAVAAGENT_ENABLED", "false")
        .env("OTEL_TRACES_EXPORTER", "console")
        .property("clew.trace.methods", METHODS)
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertFalse(r.stdout().contains("[clew] span"), r::toString);
  }

  @Test
  void instrumentationDisabledByItsConfigName() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("otel.instrumentation.methods.enabled", "false")
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", METHODS)
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains(EXPECTED), r::toString);
    assertFalse(r.stdout().contains("[clew] span"), r::toString);
  }

  @Test
  void enabledAgentTracesTheSameApplication() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", METHODS)
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains(EXPECTED), r::toString);
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$OrderService.place' INTERNAL"), r::toString);
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$Repository.delete' INTERNAL"), r::toString);
  }

  @Test
  void invalidConfigurationValueWarnsOnceNamingTheKeyAndTheAppRuns() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("otel.traces.exporter", "console")
        .property("otel.traces.sampler", "traceidratio")
        .property("otel.traces.sampler.arg", "abc")
        .property("clew.trace.methods", METHODS)
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("otel.traces.sampler.arg"), r::toString);
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$OrderService.place' INTERNAL"), r::toString);
  }
}
