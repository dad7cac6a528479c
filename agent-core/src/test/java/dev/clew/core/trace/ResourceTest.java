package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.core.config.Config;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detected resource attributes and the configured ones that override them. */
class ResourceTest {

  @Test
  void detectsThisProcessPid() {
    Resource resource = Resource.fromConfig(Config.of(Collections.emptyMap()));
    assertEquals(ProcessHandle.current().pid(), resource.attributes().get("process.pid"));
  }

  @Test
  void serviceNameFromConfigWinsOverResourceAttributes() {
    Resource resource = Resource.fromConfig(Config.of(Map.of(
        "otel.resource.attributes", "service.name=from-attributes,team=shop",
        "otel.service.name", "orders")));
    assertEquals("orders", resource.serviceName());
    assertEquals("shop", resource.attributes().get("team"));
  }
}
