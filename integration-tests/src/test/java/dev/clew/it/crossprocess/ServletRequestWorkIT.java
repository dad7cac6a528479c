package dev.clew.it.crossprocess;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.names;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.spanId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One servlet request on embedded Tomcat that queries H2 over JDBC, hands work to a thread pool or to
 * CompletableFuture, and calls an HTTP peer from there: everything lands in the request's trace, under its
 * SERVER span, which continues the caller's trace. One application JVM serves all the tests.
 */
@Tag("smoke")
class ServletRequestWorkIT {
  private static OtlpReceiver receiver;
  private static HeaderRecorder peer;
  private static ShopJvm shop;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start();
    peer = HeaderRecorder.start();
    // a common pool of 2 whatever the machine: with 1, Java 17's CompletableFuture uses a thread per task
    shop = ShopJvm.start(ShopJvm.app(ShopServer.class, "shop", receiver)
        .property("java.util.concurrent.ForkJoinPool.common.parallelism", "2")
        .property("shop.downstream", peer.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    ShopJvm.closeAll(shop, peer, receiver);
  }

  @Test
  void jdbcStatementsAreClientSpansUnderTheServerSpanWithSanitizedText() throws Exception {
    String[] caller = caller();
    assertEquals("orders 1", shop.get("/orders?id=7", "traceparent", caller[2]));

    List<Span> spans = ShopJvm.awaitTrace(receiver, caller[0], 3);
    assertEquals(3, spans.size(), () -> names(spans).toString());
    Span server = serverSpan(spans, "GET /orders", caller);
    Span insert = span(spans, "INSERT orders");
    Span select = span(spans, "SELECT orders");
    for (Span db : List.of(insert, select)) {
      assertTrue(isChildOf(db, server), db.getName() + " is a child of the SERVER span");
      assertEquals(SpanKind.SPAN_KIND_CLIENT, db.getKind());
      assertEquals("h2database", attribute(db, "db.system.name"));
      assertEquals("orders", attribute(db, "db.collection.name"));
      assertTrue(db.getStartTimeUnixNano() >= server.getStartTimeUnixNano());
      assertTrue(db.getEndTimeUnixNano() <= server.getEndTimeUnixNano());
    }
    assertEquals("INSERT INTO orders (id, note) VALUES (?, ?)", attribute(insert, "db.query.text"));
    assertEquals("SELECT COUNT(*) FROM orders WHERE note = ?", attribute(select, "db.query.text"),
        "the literal 'gift wrap' does not reach the span");
  }

  @Test
  void workHandedToAThreadPoolStaysInTheRequestTrace() throws Exception {
    String[] caller = caller();
    assertEquals("fanout 0 200:ok", shop.get("/fanout", "traceparent", caller[2]));
    assertPoolWorkUnderServer(caller, "GET /fanout", "/from-pool");
  }

  @Test
  void workChainedThroughCompletableFutureStaysInTheRequestTrace() throws Exception {
    String[] caller = caller();
    assertEquals("async 0 200:ok", shop.get("/async", "traceparent", caller[2]));
    assertPoolWorkUnderServer(caller, "GET /async", "/from-async");
  }

  private static void assertPoolWorkUnderServer(String[] caller, String serverName, String peerPath)
      throws Exception {
    List<Span> spans = ShopJvm.awaitTrace(receiver, caller[0], 3);
    assertEquals(3, spans.size(), () -> names(spans).toString());
    Span server = serverSpan(spans, serverName, caller);
    Span select = span(spans, "SELECT orders");
    Span http = span(spans, "GET");
    assertTrue(isChildOf(select, server), "JDBC on a pool thread is a child of the SERVER span");
    assertTrue(isChildOf(http, server), "HTTP on a pool thread is a child of the SERVER span");
    assertEquals(SpanKind.SPAN_KIND_CLIENT, http.getKind());
    assertEquals(200L, attribute(http, "http.response.status_code"));
    assertEquals(peer.url() + peerPath, attribute(http, "url.full"));

    HeaderRecorder.Received received = peer.await(peerPath, Duration.ofSeconds(10));
    assertEquals("00-" + caller[0] + "-" + spanId(http) + "-01", received.header("traceparent"),
        received::toString);
  }

  /** The request's SERVER span: continues the caller's context, on its own thread. */
  private static Span serverSpan(List<Span> spans, String name, String[] caller) {
    Span server = span(spans, name);
    assertEquals(SpanKind.SPAN_KIND_SERVER, server.getKind());
    assertEquals(caller[1], parentSpanId(server), "the SERVER span continues the caller's trace");
    assertEquals(200L, attribute(server, "http.response.status_code"));
    assertNotEquals(caller[1], spanId(server));
    return server;
  }

  /** A fresh caller context: trace id, span id, traceparent header. */
  private static String[] caller() {
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    ThreadLocalRandom.current().nextBytes(trace);
    ThreadLocalRandom.current().nextBytes(span);
    trace[0] |= 1;
    span[0] |= 1;
    String t = HexFormat.of().formatHex(trace);
    String s = HexFormat.of().formatHex(span);
    return new String[] {t, s, "00-" + t + "-" + s + "-01"};
  }
}
