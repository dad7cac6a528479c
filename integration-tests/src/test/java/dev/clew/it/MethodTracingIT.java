package dev.clew.it;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Method tracing by configuration, observed through the real OTLP export path of a real JVM. */
@Tag("smoke")
class MethodTracingIT {
  @Test
  void nestedCallsAndAFailureBecomeDecodedOtlpSpans() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
          .property("otel.service.name", "orders")
          .property("otel.resource.attributes", "deployment.environment=test,team=shop")
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100")
          .property("otel.instrumentation.methods.include",
              "com.acme.app.OrdersApp$OrderService[place,cancel];com.acme.app.OrdersApp$Repository[*]")
          .run(Duration.ofSeconds(60));
      assertEquals(0, r.exitCode(), r::toString);
      // the exception reached the application unchanged: same type, message and origin
      assertTrue(r.stdout().contains("caught java.lang.IllegalStateException: no order missing from delete"),
          r::toString);

      List<Span> spans = receiver.awaitSpans(4, Duration.ofSeconds(20));
      assertEquals(4, spans.size(), spans::toString);
      Span place = span(spans, "OrdersApp$OrderService.place");
      Span save = span(spans, "OrdersApp$Repository.save");
      Span cancel = span(spans, "OrdersApp$OrderService.cancel");
      Span delete = span(spans, "OrdersApp$Repository.delete");

      assertTrue(isChildOf(save, place));
      assertEquals(traceId(place), traceId(save));
      assertTrue(place.getParentSpanId().isEmpty());
      assertTrue(isChildOf(delete, cancel));
      assertNotEquals(traceId(place), traceId(cancel), "two top-level calls are two traces");
      for (Span s : spans) {
        assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, s.getKind());
        assertTrue(s.getEndTimeUnixNano() >= s.getStartTimeUnixNano());
        assertEquals(16, s.getTraceId().size());
        assertEquals(8, s.getSpanId().size());
      }
      assertTrue(save.getStartTimeUnixNano() >= place.getStartTimeUnixNano());
      assertTrue(save.getEndTimeUnixNano() <= place.getEndTimeUnixNano());
      assertEquals("com.acme.app.OrdersApp$Repository", attribute(save, "code.namespace"));
      assertEquals("save", attribute(save, "code.function"));

      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, delete.getStatus().getCode());
      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, save.getStatus().getCode());
      assertEquals(1, delete.getEventsCount());
      Span.Event exception = delete.getEvents(0);
      assertEquals("exception", exception.getName());
      Map<String, Object> ev = dev.clew.testing.AgentSpans.attributes(exception.getAttributesList());
      assertEquals("java.lang.IllegalStateException", ev.get("exception.type"));
      assertEquals("no order missing", ev.get("exception.message"));
      assertTrue(((String) ev.get("exception.stacktrace")).contains("OrdersApp$Repository.delete"));

      Map<String, Object> resource = dev.clew.testing.AgentSpans.attributes(
          receiver.resourceOf(place).getAttributesList());
      assertEquals("orders", resource.get("service.name"));
      assertEquals("test", resource.get("deployment.environment"));
      assertEquals("shop", resource.get("team"));
      assertEquals("clew", resource.get("telemetry.sdk.name"));
      assertEquals("java", resource.get("telemetry.sdk.language"));
      assertTrue(resource.containsKey("host.name"));
      assertTrue(resource.get("process.pid") instanceof Long);
      assertTrue(resource.containsKey("process.runtime.version"));
      assertEquals("clew.methods", receiver.scopeOf(place).getName());
    }
  }
}
