package dev.clew.it.export;

import static dev.clew.it.export.OtlpExportIT.byName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.CheckoutApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real JVM with the agent exports to a real Zipkin server (and, at the same time, over OTLP, which
 * tells the test the ids to look for); Zipkin's query API returns the trace with the right tree and tags.
 */
class ZipkinExportIT {
  private static ZipkinServer zipkin;

  @BeforeAll
  static void startZipkin() throws Exception {
    zipkin = ZipkinServer.start();
  }

  @AfterAll
  static void stopZipkin() throws Exception {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @Test
  void traceIsQueryableWithItsTreeAndTags() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result run = AgentJvm.main(CheckoutApp.class).args("1")
          .property("clew.trace.methods", "com.acme.app.CheckoutApp$Shop[checkout,reserve,charge]")
          .property("otel.service.name", "Checkout")
          .property("otel.traces.exporter", "zipkin,otlp")
          .property("otel.exporter.zipkin.endpoint", zipkin.spansEndpoint())
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .run(Duration.ofSeconds(90));
      assertEquals(0, run.exitCode(), run.toString());
      assertFalse(run.stderr().contains("WARN"), run.stderr());

      List<Span> otlp = receiver.awaitSpans(3, Duration.ofSeconds(10));
      Span checkout = byName(otlp, "CheckoutApp$Shop.checkout");
      Span charge = byName(otlp, "CheckoutApp$Shop.charge");
      Span reserve = byName(otlp, "CheckoutApp$Shop.reserve");
      String traceId = HexFormat.of().formatHex(checkout.getTraceId().toByteArray());

      List<Object> trace = JsonTree.array(JsonTree.parse(zipkin.awaitTrace(traceId, 3, Duration.ofSeconds(60))));
      assertEquals(3, trace.size(), trace.toString());
      Map<String, Map<String, Object>> byName = new HashMap<>();
      for (Object o : trace) {
        Map<String, Object> s = JsonTree.object(o);
        assertEquals(traceId, s.get("traceId"));
        assertEquals("checkout", JsonTree.object(s.get("localEndpoint")).get("serviceName"),
            "zipkin lower-cases names");
        assertNull(s.get("kind"), "INTERNAL spans are Zipkin local spans");
        byName.put((String) s.get("name"), s);
      }
      Map<String, Object> zCheckout = byName.get("checkoutapp$shop.checkout");
      Map<String, Object> zReserve = byName.get("checkoutapp$shop.reserve");
      Map<String, Object> zCharge = byName.get("checkoutapp$shop.charge");
      assertEquals(hex(checkout.getSpanId().toByteArray()), zCheckout.get("id"));
      assertNull(zCheckout.get("parentId"));
      assertEquals(zCheckout.get("id"), zReserve.get("parentId"));
      assertEquals(zCheckout.get("id"), zCharge.get("parentId"));
      assertEquals(hex(charge.getSpanId().toByteArray()), zCharge.get("id"));
      assertEquals(hex(reserve.getSpanId().toByteArray()), zReserve.get("id"));

      assertEquals(charge.getStartTimeUnixNano() / 1000, zCharge.get("timestamp"), "microseconds");
      assertEquals(Math.max(1, reserve.getEndTimeUnixNano() / 1000 - reserve.getStartTimeUnixNano() / 1000),
          zReserve.get("duration"));

      Map<String, Object> tags = JsonTree.object(zCharge.get("tags"));
      assertEquals("com.acme.app.CheckoutApp$Shop", tags.get("code.namespace"));
      assertEquals("charge", tags.get("code.function"));
      assertEquals("card declined for order-0", tags.get("error"));
      assertEquals("ERROR", tags.get("otel.status_code"));
      assertEquals("clew.methods", tags.get("otel.scope.name"));
      assertNull(JsonTree.object(zCheckout.get("tags")).get("error"));

      List<Object> annotations = JsonTree.array(zCharge.get("annotations"));
      assertEquals(1, annotations.size());
      String value = (String) JsonTree.object(annotations.get(0)).get("value");
      assertTrue(value.startsWith("\"exception\":{"), value);
      assertTrue(value.contains("java.lang.IllegalStateException"), value);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
