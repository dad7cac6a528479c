package dev.clew.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.CheckoutApp;
import com.google.protobuf.ByteString;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpJson;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real JVM with the agent exports its spans over OTLP/HTTP, in protobuf and in JSON, gzip on and off,
 * to a receiver that decodes them with the official classes; every field clew sets arrives intact.
 */
@Tag("smoke")
class OtlpExportIT {
  private static final String SHOP = "com.acme.app.CheckoutApp$Shop";

  @ParameterizedTest
  @CsvSource({"http/protobuf, gzip", "http/json, none", "http/protobuf, none", "http/json, gzip"})
  void everyFieldArrives(String protocol, String compression) throws Exception {
    long before = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm jvm = AgentJvm.main(CheckoutApp.class).args("1")
          .property("clew.trace.methods", SHOP + "[checkout,reserve,charge]")
          .property("otel.service.name", "checkout")
          .property("otel.resource.attributes", "deployment.environment.name=it,team=payments")
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.exporter.otlp.protocol", protocol)
          .property("otel.exporter.otlp.compression", compression)
          .property("otel.exporter.otlp.headers", "x-api-key=s3cr3t-value,x-tenant=blue");
      AgentJvm.Result run;
      long pid;
      try (AgentJvm.Running running = jvm.start()) {
        pid = running.process().pid();
        run = running.await(Duration.ofSeconds(90));
      }
      long after = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.stdout().contains("done 1 declined 1"), run.toString());
      assertFalse(run.stderr().contains("s3cr3t-value"), "header values are never logged");

      List<Span> spans = receiver.awaitSpans(3, Duration.ofSeconds(10));
      assertEquals(3, spans.size(), "nothing more, nothing less: " + spans);
      for (OtlpReceiver.Request r : receiver.requests()) {
        assertEquals(200, r.status());
        assertEquals("s3cr3t-value", r.header("x-api-key"));
        assertEquals("blue", r.header("x-tenant"));
        assertEquals("gzip".equals(compression), r.wasGzipped());
        assertEquals("http/json".equals(protocol), r.isJson());
        if (r.isJson()) {
          assertEquals(List.of(), OtlpJson.violations(r.jsonBody()), "OTLP/JSON rules");
        } else {
          assertEquals("application/x-protobuf", r.header("content-type"));
        }
      }

      Span checkout = byName(spans, "CheckoutApp$Shop.checkout");
      Span reserve = byName(spans, "CheckoutApp$Shop.reserve");
      Span charge = byName(spans, "CheckoutApp$Shop.charge");

      ByteString traceId = checkout.getTraceId();
      assertEquals(16, traceId.size());
      assertNotEquals(ByteString.copyFrom(new byte[16]), traceId);
      for (Span s : spans) {
        assertEquals(traceId, s.getTraceId(), "one trace");
        assertEquals(8, s.getSpanId().size());
        assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, s.getKind());
        assertTrue(s.getStartTimeUnixNano() >= before && s.getEndTimeUnixNano() <= after,
            "times are epoch nanoseconds of this run");
        assertTrue(s.getStartTimeUnixNano() <= s.getEndTimeUnixNano());
        assertEquals("", s.getTraceState());
        assertEquals(0, s.getLinksCount());
        assertEquals(0, s.getDroppedAttributesCount());

        Resource resource = receiver.resourceOf(s);
        Map<String, AnyValue> res = attributes(resource.getAttributesList());
        assertEquals("checkout", res.get("service.name").getStringValue());
        assertEquals("it", res.get("deployment.environment.name").getStringValue());
        assertEquals("payments", res.get("team").getStringValue());
        assertEquals("clew", res.get("telemetry.sdk.name").getStringValue());
        assertEquals("java", res.get("telemetry.sdk.language").getStringValue());
        assertEquals(pid, res.get("process.pid").getIntValue());

        InstrumentationScope scope = receiver.scopeOf(s);
        assertEquals("clew.methods", scope.getName());
        assertFalse(scope.getVersion().isEmpty());
      }
      assertTrue(checkout.getParentSpanId().isEmpty(), "the root has no parent");
      assertEquals(checkout.getSpanId(), reserve.getParentSpanId());
      assertEquals(checkout.getSpanId(), charge.getParentSpanId());
      assertNotEquals(reserve.getSpanId(), charge.getSpanId());
      assertTrue(reserve.getStartTimeUnixNano() >= checkout.getStartTimeUnixNano());
      assertTrue(charge.getEndTimeUnixNano() <= checkout.getEndTimeUnixNano());
      assertTrue(reserve.getEndTimeUnixNano() <= charge.getStartTimeUnixNano(), "reserve, then charge");

      Map<String, AnyValue> attrs = attributes(charge.getAttributesList());
      assertEquals(SHOP, attrs.get("code.namespace").getStringValue());
      assertEquals("charge", attrs.get("code.function").getStringValue());
      assertEquals("checkout", attributes(checkout.getAttributesList()).get("code.function").getStringValue());

      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, checkout.getStatus().getCode());
      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, reserve.getStatus().getCode());
      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, charge.getStatus().getCode());
      assertEquals("card declined for order-0", charge.getStatus().getMessage());

      assertEquals(0, checkout.getEventsCount());
      assertEquals(1, charge.getEventsCount());
      Span.Event exception = charge.getEvents(0);
      assertEquals("exception", exception.getName());
      assertTrue(exception.getTimeUnixNano() >= charge.getStartTimeUnixNano()
          && exception.getTimeUnixNano() <= charge.getEndTimeUnixNano());
      Map<String, AnyValue> ex = attributes(exception.getAttributesList());
      assertEquals("java.lang.IllegalStateException", ex.get("exception.type").getStringValue());
      assertEquals("card declined for order-0", ex.get("exception.message").getStringValue());
      assertTrue(ex.get("exception.stacktrace").getStringValue().contains("CheckoutApp$Shop.charge"));
    }
  }

  static Span byName(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
  }

  static Map<String, AnyValue> attributes(List<KeyValue> list) {
    Map<String, AnyValue> m = new HashMap<>();
    for (KeyValue kv : list) {
      assertTrue(m.put(kv.getKey(), kv.getValue()) == null, "duplicate key " + kv.getKey());
    }
    return m;
  }
}
