package dev.clew.it.crossprocess;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.names;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import com.acme.shop.Shipping;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.OtlpReceiver;
import dev.clew.testing.kafka.KafkaBroker;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Service A handles an HTTP request by producing to a real Kafka broker; service B, another JVM, consumes
 * the record and calls an HTTP peer. One trace: SERVER (A) → PRODUCER (A) → CONSUMER process (B) → CLIENT
 * (B), and B's poll span links to A's producer span.
 */
class KafkaFlowIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void oneTraceFromAnHttpRequestThroughKafkaToTheConsumersHttpCall() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    String topic = "orders-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start()) {
      AgentJvm.Running shipping = ShopJvm.app(Shipping.class, "shipping-b", receiver)
          .args(broker.bootstrapServers(), topic, "1", peer.url())
          .start();
      try (shipping; ShopJvm shop = ShopJvm.start(ShopJvm.app(ShopServer.class, "shop-a", receiver)
          .property("shop.kafka", broker.bootstrapServers())
          .property("shop.topic", topic))) {
        shipping.awaitOutput("assigned", ShopJvm.START);
        assertEquals("produced", shop.get("/produce?id=42"));
        AgentJvm.Result b = shipping.await(ShopJvm.START);
        ShopJvm.assertExitedCleanly(b);
        assertTrue(b.stdout().contains("shipped order-42 200:ok"), b::toString);
        assertTrue(b.stdout().contains("consumed 1"), b::toString);
      }

      Span server = span(receiver.awaitSpans(1, WAIT), "GET /produce");
      List<Span> trace = ShopJvm.awaitTrace(receiver, traceId(server), 4);
      Span send = span(trace, "send " + topic);
      Span process = span(trace, "process " + topic);
      Span ship = span(trace, "GET");
      assertEquals(4, trace.size(), () -> names(trace).toString());
      assertEquals("", parentSpanId(server), "the request starts the trace");
      assertTrue(isChildOf(send, server), "A's producer span is a child of A's SERVER span");
      assertTrue(isChildOf(process, send), "B's process span is a child of A's producer span");
      assertTrue(isChildOf(ship, process), "B's HTTP call is a child of B's process span");

      assertEquals(SpanKind.SPAN_KIND_PRODUCER, send.getKind());
      assertEquals("kafka", attribute(send, "messaging.system"));
      assertEquals(topic, attribute(send, "messaging.destination.name"));
      assertEquals(SpanKind.SPAN_KIND_CONSUMER, process.getKind());
      assertEquals("process", attribute(process, "messaging.operation.type"));
      assertEquals(SpanKind.SPAN_KIND_CLIENT, ship.getKind());
      assertEquals(peer.url() + "/ship?order-42", attribute(ship, "url.full"));
      assertEquals("00-" + traceId(server) + "-" + spanId(ship) + "-01",
          peer.await("/ship", WAIT).header("traceparent"));

      // the poll that received the record: B's own span, linked to A's producer span
      Span poll = span(receiver.spans(), "poll " + topic);
      assertEquals(SpanKind.SPAN_KIND_CONSUMER, poll.getKind());
      assertEquals(1, poll.getLinksCount());
      assertEquals(send.getTraceId(), poll.getLinks(0).getTraceId());
      assertEquals(send.getSpanId(), poll.getLinks(0).getSpanId());
      assertEquals(1L, attribute(poll, "messaging.batch.message_count"));
      assertEquals("shipping-b", AgentSpans.attributes(receiver.resourceOf(process).getAttributesList())
          .get("service.name"));
      assertEquals("shop-a", AgentSpans.attributes(receiver.resourceOf(send).getAttributesList())
          .get("service.name"));
    }
  }
}
