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

import com.acme.shop.GrpcStorefront;
import com.acme.shop.InventoryServer;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service A (a main with a gRPC blocking stub) calls service B (a gRPC server on Netty) which, inside the
 * call, queries its database over JDBC and calls an HTTP peer in the test JVM; each service in its own JVM
 * with the shaded agent, both configured with the same {@code otel.propagators}. One connected trace across
 * the two JVMs each time, and B propagates it further in the configured format.
 */
@Tag("smoke")
class CrossServiceGrpcIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String RESERVE = "acme.shop.Inventory/Reserve";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tracecontext,baggage", "b3", "b3multi", "jaeger"})
  void oneTraceFromClientThroughServerToItsDatabaseAndPeer(String propagators) throws Exception {
    boolean baggage = propagators.contains("baggage");
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start()) {
      try (ShopJvm b = ShopJvm.start(ShopJvm.app(InventoryServer.class, "inventory-b", receiver)
          .property("otel.propagators", propagators)
          .property("shop.downstream", peer.url()))) {
        String port = b.url("").substring("http://127.0.0.1:".length());
        AgentJvm a = ShopJvm.app(GrpcStorefront.class, "storefront-a", receiver)
            .property("otel.propagators", propagators)
            .property("clew.trace.methods", "com.acme.shop.GrpcStorefront$Checkout[run]");
        a = baggage ? a.args(port, "book", "tenant=acme") : a.args(port, "book");
        AgentJvm.Result ra = a.run(ShopJvm.START);
        ShopJvm.assertExitedCleanly(ra);
        assertTrue(ra.stdout().contains("reserved book=7 200:ok"), ra::toString);
      }

      // B's start-up (CREATE TABLE, INSERT) is a trace of its own; the rest is the checkout's
      Span checkout = span(receiver.awaitSpans(5, WAIT), "GrpcStorefront$Checkout.run");
      List<Span> spans = ShopJvm.awaitTrace(receiver, traceId(checkout), 5);
      assertEquals(5, spans.size(), () -> names(spans).toString());
      Span client = only(spans, SpanKind.SPAN_KIND_CLIENT, RESERVE);
      Span server = only(spans, SpanKind.SPAN_KIND_SERVER, RESERVE);
      Span query = span(spans, "SELECT stock");
      Span http = span(spans, "GET");

      assertEquals("", parentSpanId(checkout), "A's checkout starts the trace");
      assertTrue(isChildOf(client, checkout), "A's gRPC client span is a child of the checkout");
      assertTrue(isChildOf(server, client), "B's SERVER span is a child of A's CLIENT span (" + propagators + ")");
      assertTrue(isChildOf(query, server), "B's query runs in its SERVER span");
      assertTrue(isChildOf(http, server), "B's HTTP call runs in its SERVER span");
      for (Span s : spans) {
        assertEquals(Status.StatusCode.STATUS_CODE_UNSET, s.getStatus().getCode(), s.getName());
      }
      assertEquals("storefront-a", service(receiver, client));
      assertEquals("inventory-b", service(receiver, server));
      assertEquals("inventory-b", service(receiver, http));

      for (Span s : List.of(client, server)) {
        assertEquals("grpc", attribute(s, "rpc.system"));
        assertEquals("acme.shop.Inventory", attribute(s, "rpc.service"));
        assertEquals("Reserve", attribute(s, "rpc.method"));
        assertEquals(0L, attribute(s, "rpc.grpc.status_code"));
      }
      assertEquals("127.0.0.1", attribute(client, "server.address"));
      assertEquals(attribute(server, "server.port"), attribute(client, "server.port"), "A called B");
      assertEquals(attribute(client, "server.port"), attribute(client, "network.peer.port"));
      assertEquals("127.0.0.1", attribute(server, "network.peer.address"));

      // B propagates the same trace further, in the configured format, with its HTTP CLIENT span as parent
      HeaderRecorder.Received downstream = peer.await("/from-inventory", WAIT);
      downstream.assertPropagated(propagators, traceId(checkout), spanId(http));
    }
  }

  private static Span only(List<Span> spans, SpanKind kind, String name) {
    List<Span> found = spans.stream().filter(s -> s.getKind() == kind && s.getName().equals(name)).toList();
    assertEquals(1, found.size(), () -> kind + " " + name + " in " + names(spans));
    return found.get(0);
  }

  private static Object service(OtlpReceiver receiver, Span span) {
    return attributes(receiver.resourceOf(span).getAttributesList()).get("service.name");
  }
}
