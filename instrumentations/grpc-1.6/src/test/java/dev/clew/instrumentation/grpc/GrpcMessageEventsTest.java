package dev.clew.instrumentation.grpc;

import static dev.clew.instrumentation.grpc.GrpcSuite.awaitBothSides;
import static dev.clew.instrumentation.grpc.GrpcSuite.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.testing.AgentSpans;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code otel.instrumentation.grpc.emit-message-events=true} and
 * {@code otel.span.event.count.limit=5}: an {@code rpc.message} event per message, numbered per
 * direction, and a long stream bounded by the limit with the rest counted as dropped.
 */
class GrpcMessageEventsTest {
  private static Server server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    // through the API types: the tests compile against grpc-java 1.6, whose builders return other types
    ServerBuilder<?> serverBuilder = InProcessServerBuilder.forName("events");
    ManagedChannelBuilder<?> channelBuilder = InProcessChannelBuilder.forName("events");
    server = serverBuilder.addService(EchoService.definition()).build().start();
    channel = channelBuilder.build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @BeforeEach
  void clearSpans() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void aUnaryCallSendsAndReceivesOneMessageEach() {
    GrpcSuite.call(channel, "hello");
    List<Span> spans = awaitBothSides();
    assertEquals(List.of("SENT 1", "RECEIVED 1"), events(only(spans, SpanKind.SPAN_KIND_CLIENT)));
    assertEquals(List.of("RECEIVED 1", "SENT 1"), events(only(spans, SpanKind.SPAN_KIND_SERVER)));
  }

  @Test
  void aLongStreamIsBoundedByTheEventLimitAndCountsTheRest() {
    Iterator<String> messages = ClientCalls.blockingServerStreamingCall(channel, EchoService.SERVER_STREAM,
        CallOptions.DEFAULT, "10");
    int n = 0;
    while (messages.hasNext()) {
      messages.next();
      n++;
    }
    assertEquals(10, n);
    List<Span> spans = awaitBothSides();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(List.of("SENT 1", "RECEIVED 1", "RECEIVED 2", "RECEIVED 3", "RECEIVED 4"), events(client));
    assertEquals(6, client.getDroppedEventsCount(), "1 sent + 10 received, 5 kept");
    assertEquals(List.of("RECEIVED 1", "SENT 1", "SENT 2", "SENT 3", "SENT 4"), events(server));
    assertEquals(6, server.getDroppedEventsCount());
  }

  private static List<String> events(Span span) {
    List<String> out = new ArrayList<>();
    for (Span.Event e : span.getEventsList()) {
      assertEquals("rpc.message", e.getName());
      Map<String, Object> a = AgentSpans.attributes(e.getAttributesList());
      out.add(a.get("rpc.message.type") + " " + a.get("rpc.message.id"));
    }
    return out;
  }
}
