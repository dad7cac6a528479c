package dev.clew.testing.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clew.testing.AgentSpans;
import dev.clew.testing.http.EmbeddedServer;
import dev.clew.testing.http.HttpServerTest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a container-level instrumentation (Tomcat, Jetty) does on its own, with no servlet module in the
 * agent: one SERVER span per request, also for a request no filter or servlet sees, ended once when the
 * response completes (also asynchronously); no route, since only the servlet layer knows it. Runs against
 * an {@link EmbeddedServer} serving {@link ServletTestApp}.
 */
public abstract class ContainerSpanSuite extends HttpServerTest {
  protected ContainerSpanSuite(EmbeddedServer server) {
    super(server);
  }

  @Test
  void requestNoServletSeesHasOneServerSpan() throws Exception {
    assertEquals(404, send(request(ServletTestApp.UNSERVED_PATH)).statusCode());
    Map<String, Object> a = AgentSpans.attributes(onlyServerSpan("GET").getAttributesList());
    assertEquals(404L, a.get("http.response.status_code"));
    assertEquals(ServletTestApp.UNSERVED_PATH, a.get("url.path"));
    assertEquals("GET", a.get("http.request.method"));
    assertEquals("127.0.0.1", a.get("network.peer.address"));
    assertFalse(a.containsKey("http.route"));
  }

  @Test
  void servedRequestHasOneServerSpan() throws Exception {
    assertEquals(200, send(request("/hello?q=1")).statusCode());
    Map<String, Object> a = AgentSpans.attributes(onlyServerSpan("GET").getAttributesList());
    assertEquals(200L, a.get("http.response.status_code"));
    assertEquals("/hello", a.get("url.path"));
    assertEquals("q=1", a.get("url.query"));
    assertEquals("http", a.get("url.scheme"));
    assertEquals((long) port(), a.get("server.port"));
  }

  @Test
  void asyncRequestEndsOnceWhenItCompletes() throws Exception {
    assertEquals("async", send(request("/async")).body());
    assertEquals(200L, AgentSpans.attribute(onlyServerSpan("GET"), "http.response.status_code"));
  }

  @Test
  void serverErrorIsAnError() throws Exception {
    assertEquals(500, send(request("/boom")).statusCode());
    Span span = onlyServerSpan("GET");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertEquals(500L, AgentSpans.attribute(span, "http.response.status_code"));
  }

  @Test
  void incomingTraceparentIsJoined() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    send(request(ServletTestApp.UNSERVED_PATH).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    Span span = onlyServerSpan("GET");
    assertEquals(traceId, AgentSpans.traceId(span));
    assertEquals("00f067aa0ba902b7", AgentSpans.parentSpanId(span));
  }
}
