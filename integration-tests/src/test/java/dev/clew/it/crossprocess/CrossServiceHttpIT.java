package dev.clew.it.crossprocess;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.attributes;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.names;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import com.acme.shop.Storefront;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Service A (a main calling out with a JDK HTTP client) calls service B (servlet on embedded Tomcat), which
 * calls a peer in the test JVM; each in its own JVM with the agent, both configured with the same
 * {@code otel.propagators}. One trace across the two JVMs each time, and B propagates it further in the
 * configured format.
 */
class CrossServiceHttpIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
      "'tracecontext,baggage', jdk",
      "b3, url",
      "b3multi, jdk",
      "jaeger, url",
  })
  void oneTraceFromClientToServerAcrossTwoJvms(String propagators, String client) throws Exception {
    boolean baggage = propagators.contains("baggage");
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start()) {
      try (ShopJvm b = ShopJvm.start(ShopJvm.app(ShopServer.class, "shop-b", receiver)
          .property("otel.propagators", propagators)
          .property("shop.downstream", peer.url()))) {
        AgentJvm a = ShopJvm.app(Storefront.class, "storefront-a", receiver)
            .property("otel.propagators", propagators)
            .property("clew.trace.methods", "com.acme.shop.Storefront$Checkout[run]");
        a = baggage ? a.args(client, b.url("/hello?item=1"), "tenant=acme") : a.args(client, b.url("/hello?item=1"));
        AgentJvm.Result ra = a.run(ShopJvm.START);
        ShopJvm.assertExitedCleanly(ra);
        assertTrue(ra.stdout().contains("response 200:hello 200:ok"), ra::toString);
      }

      // B's start-up (CREATE TABLE) is a trace of its own; the rest is the checkout's
      Span checkout = span(receiver.awaitSpans(5, WAIT), "Storefront$Checkout.run");
      List<Span> spans = ShopJvm.trace(receiver.spans(), checkout);
      assertEquals(4, spans.size(), () -> names(receiver.spans()).toString());
      Span server = span(spans, "GET /hello");
      List<Span> clients = spans.stream().filter(s -> s.getKind() == SpanKind.SPAN_KIND_CLIENT).toList();
      assertEquals(2, clients.size(), () -> names(spans).toString());
      Span clientA = clients.stream().filter(s -> isChildOf(s, checkout)).findFirst().orElseThrow();
      Span clientB = clients.stream().filter(s -> isChildOf(s, server)).findFirst().orElseThrow(
          () -> new AssertionError("B's call to its peer is not a child of B's SERVER span: " + spans));

      assertEquals("", parentSpanId(checkout), "A's checkout starts the trace");
      assertTrue(isChildOf(server, clientA), "B's SERVER span is a child of A's CLIENT span (" + propagators + ")");
      for (Span s : spans) {
        assertEquals(traceId(checkout), traceId(s), "one trace: " + s.getName());
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, s.getStatus().getCode(), s.getName());
      }
      assertEquals("storefront-a", service(receiver, clientA));
      assertEquals("shop-b", service(receiver, server));
      assertEquals("shop-b", service(receiver, clientB));

      assertEquals(SpanKind.SPAN_KIND_CLIENT, clientA.getKind());
      assertEquals("GET", clientA.getName());
      assertEquals("GET", attribute(clientA, "http.request.method"));
      assertEquals(200L, attribute(clientA, "http.response.status_code"));
      assertEquals(attribute(server, "server.port"), attribute(clientA, "server.port"), "A called B");
      
      assertEquals(SpanKind.SPAN_KIND_SERVER, server.getKind());
      assertEquals("/hello", attribute(server, "http.route"));
      assertEquals("item=1", attribute(server, "url.query"));
      assertEquals(200L, attribute(server, "http.response.status_code"));
      assertTrue(server.getStartTimeUnixNano() >= clientA.getStartTimeUnixNano() - 50_000_000L,
          "the server span starts after the client span (clock skew allowance 50 ms)");

      // B propagates the same trace further, in the configured format, with its own CLIENT span as parent
      HeaderRecorder.Received downstream = peer.await("/from-b", WAIT);
      downstream.assertPropagated(propagators, traceId(checkout), spanId(clientB));
    }
  }

  private static Object service(OtlpReceiver receiver, Span span) {
    return attributes(receiver.resourceOf(span).getAttributesList()).get("service.name");
  }
}
