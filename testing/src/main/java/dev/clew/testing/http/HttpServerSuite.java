package dev.clew.testing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every HTTP server instrumentation must do, checked on the spans the agent exported (decoded
 * OTLP). A subclass hands it a real server ({@link EmbeddedServer}), with the module's test configuration
 * ({@code -Dclew.trace.methods=dev.clew.testing.http.TracedWork[work]},
 * {@code otel.instrumentation.http.server.capture-request-headers=X-Custom},
 * {@code ...capture-response-headers=X-Reply}, {@code otel.propagators=tracecontext,baggage,b3multi,jaeger},
 * {@code clew.servlet.traceresponse=true} or its equivalent), serving at the context root, behind two filters (or the library's equivalent) that see
 * every request:
 * <ul>
 *   <li>{@code /hello} (route {@code /hello}): 200, body {@code hello}, response header {@code X-Reply: yes}</li>
 *   <li>{@code /users/*}: 200, body is the rest of the path</li>
 *   <li>{@code /forward} forwards to, and {@code /include} includes, {@code /hello}</li>
 *   <li>{@code /traced}: calls {@link TracedWork#work} and answers 200</li>
 *   <li>{@code /}: 200, body {@code home}, served by the default servlet ({@code /}), like every unknown path</li>
 *   <li>{@code /boom}: throws {@code IllegalStateException("boom")}</li>
 *   <li>{@code /wrapped}: throws {@code IllegalStateException("wrapped")} inside the container's wrapper exception
 *       ({@code ServletException: Request processing failed: ...}, as Spring MVC does)</li>
 *   <li>{@code /status/*}: answers with the status code in the path</li>
 *   <li>{@code /async}: goes asynchronous, calls {@link TracedWork#work} on another thread (the
 *       library's own way of running async work), writes {@code async} and completes</li>
 *   <li>{@code /async-dispatch}: goes asynchronous and, from another thread, dispatches to {@code /traced}</li>
 *   <li>{@code /async-dispatch-now}: goes asynchronous and dispatches to {@code /traced} before returning</li>
 *   <li>{@code /async-timeout}: goes asynchronous with a 300 ms timeout and never completes</li>
 *   <li>any other path: 404 from the default servlet, which gives no route</li>
 * </ul>
 * and {@link #unservedPath()}, a path that reaches no filter or servlet: the container answers 404 itself, and
 * its instrumentation (Tomcat, Jetty), where it is on ({@link #tracesContainer()}), still makes the one SERVER
 * span; without it no span is made.
 */
public abstract class HttpServerSuite extends HttpServerTest {
  private static final String WORK_SPAN = "TracedWork.work";

  protected HttpServerSuite(EmbeddedServer server) {
    super(server);
  }

  /** A path the container answers itself (404) before any filter or servlet. */
  protected abstract String unservedPath();

  /** Whether the JVM's agent traces the container itself, not only its servlets. */
  protected abstract boolean tracesContainer();

  @Test
  void plainRequestHasSemanticConventionAttributes() throws Exception {
    HttpResponse<String> response = send(request("/hello?q=clew&sig=secret&Password=hunter2&api_key=k")
        .header("User-Agent", "clew-test/1.0").header("X-Custom", "custom-value"));
    assertEquals(200, response.statusCode());
    assertEquals("hello", response.body());

    Span server = onlyServerSpan("GET /hello");
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, server.getKind());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode());
    assertEquals("", AgentSpans.parentSpanId(server), "no incoming context: a new trace");
    AgentSpans.assertAttributesExactly(server, Map.ofEntries(
        Map.entry("http.request.method", "GET"),
        Map.entry("http.route", "/hello"),
        Map.entry("url.path", "/hello"),
        Map.entry("url.query", "q=clew&sig=REDACTED&Password=REDACTED&api_key=REDACTED"),
        Map.entry("url.scheme", "http"),
        Map.entry("http.response.status_code", 200L),
        Map.entry("server.address", "127.0.0.1"),
        Map.entry("server.port", (long) port()),
        Map.entry("client.address", "127.0.0.1"),
        Map.entry("network.peer.address", "127.0.0.1"),
        Map.entry("network.peer.port", AgentSpans.anyOf(Long.class)),
        Map.entry("network.protocol.version", "1.1"),
        Map.entry("user_agent.original", "clew-test/1.0"),
        Map.entry("http.request.header.x-custom", List.of("custom-value")),
        Map.entry("http.response.header.x-reply", List.of("yes"))));

    assertEquals("00-" + AgentSpans.traceId(server) + "-" + AgentSpans.spanId(server) + "-01",
        response.headers().firstValue("traceresponse").orElse(null), "traceresponse names the server span");
  }

  @Test
  void routeIsTheMappingNotThePath() throws Exception {
    assertEquals("42", send(request("/users/42")).body());
    Span server = onlyServerSpan("GET /users/*");
    assertEquals("/users/42", AgentSpans.attribute(server, "url.path"));
    assertEquals("/users/*", AgentSpans.attribute(server, "http.route"));
  }

  @Test
  void incomingTraceparentIsJoined() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentId = "00f067aa0ba902b7";
    send(request("/hello").header("traceparent", "00-" + traceId + "-" + parentId + "-01")
        .header("tracestate", "vendor=one"));
    Span server = onlyServerSpan("GET /hello");
    assertEquals(traceId, AgentSpans.traceId(server));
    assertEquals(parentId, AgentSpans.parentSpanId(server));
    assertEquals("vendor=one", server.getTraceState());
  }

  @Test
  void incomingB3AndJaegerHeadersAreJoined() throws Exception {
    String traceId = "463ac35c9f6413ad48485a3953bb6124";
    String parentId = "a2fb4a1d1a96d312";
    send(request("/hello").header("X-B3-TraceId", traceId).header("X-B3-SpanId", parentId)
        .header("X-B3-Sampled", "1"));
    Span server = onlyServerSpan("GET /hello");
    assertEquals(traceId, AgentSpans.traceId(server));
    assertEquals(parentId, AgentSpans.parentSpanId(server));

    AgentSpans.clear();
    send(request("/hello").header("uber-trace-id", traceId + ":" + parentId + ":0:1"));
    server = onlyServerSpan("GET /hello");
    assertEquals(traceId, AgentSpans.traceId(server));
    assertEquals(parentId, AgentSpans.parentSpanId(server));
  }

  @Test
  void forwardAndIncludeKeepOneSpan() throws Exception {
    assertEquals("hello", send(request("/forward")).body());
    Span forward = onlyServerSpan("GET /forward");
    assertEquals("/forward", AgentSpans.attribute(forward, "url.path"));

    AgentSpans.clear();
    assertTrue(send(request("/include")).body().contains("hello"));
    onlyServerSpan("GET /include");
  }

  @Test
  void handlerSpansNestUnderTheServerSpan() throws Exception {
    send(request("/traced"));
    List<Span> spans = await(s -> has(s, "GET /traced") && has(s, WORK_SPAN));
    Span server = AgentSpans.span(spans, "GET /traced");
    Span work = AgentSpans.span(spans, WORK_SPAN);
    assertTrue(AgentSpans.isChildOf(work, server), "the traced method runs in the server span's context");
    assertEquals(1, serverSpans(spans).size());
  }

  @Test
  void notFoundIsNotAnErrorOnTheServer() throws Exception {
    assertEquals(404, send(request("/missing/7")).statusCode());
    Span server = onlyServerSpan("GET");
    assertFalse(AgentSpans.attributes(server.getAttributesList()).containsKey("http.route"),
        "the default servlet serves every path: no route, and never the raw path");
    assertEquals(404L, AgentSpans.attribute(server, "http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode());
  }

  @Test
  void homePageIsNamedAfterItsPath() throws Exception {
    assertEquals("home", send(request("/")).body());
    assertEquals("/", AgentSpans.attribute(onlyServerSpan("GET /"), "http.route"));
  }

  @Test
  void requestNoServletSeesHasTheContainersSpanWhenTheContainerIsTraced() throws Exception {
    assertEquals(404, send(request(unservedPath())).statusCode());
    if (!tracesContainer()) {
      // the next request on the same kept-alive connection starts after the container finished this one
      assertEquals(200, send(request("/hello")).statusCode());
      List<Span> spans = await(s -> has(s, "GET /hello"));
      assertEquals(List.of("GET /hello"), AgentSpans.names(serverSpans(spans)),
          "the servlet layer alone makes no span for a request its servlets never see");
      return;
    }
    Span server = onlyServerSpan("GET");
    Map<String, Object> a = AgentSpans.attributes(server.getAttributesList());
    assertFalse(a.containsKey("http.route"));
    assertEquals(404L, a.get("http.response.status_code"));
    assertEquals(unservedPath(), a.get("url.path"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode());
  }

  @Test
  void exceptionMakesAnErrorWithAnEvent() throws Exception {
    assertEquals(500, send(request("/boom")).statusCode());
    Span server = onlyServerSpan("GET /boom");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode());
    assertEquals(500L, AgentSpans.attribute(server, "http.response.status_code"));
    assertEquals("java.lang.IllegalStateException", AgentSpans.attribute(server, "error.type"));
    assertEquals(1, server.getEventsCount());
    assertEquals("exception", server.getEvents(0).getName());
    Map<String, Object> event = AgentSpans.attributes(server.getEvents(0).getAttributesList());
    assertEquals("java.lang.IllegalStateException", event.get("exception.type"));
    assertEquals("boom", event.get("exception.message"));
  }

  @Test
  void theApplicationsExceptionIsRecordedNotTheWrapper() throws Exception {
    assertEquals(500, send(request("/wrapped")).statusCode());
    Span server = onlyServerSpan("GET /wrapped");
    assertEquals("java.lang.IllegalStateException", AgentSpans.attribute(server, "error.type"));
    assertEquals(1, server.getEventsCount(), "one exception event, however many layers saw it");
    Map<String, Object> event = AgentSpans.attributes(server.getEvents(0).getAttributesList());
    assertEquals("java.lang.IllegalStateException", event.get("exception.type"));
    assertEquals("wrapped", event.get("exception.message"));
  }

  @Test
  void serverErrorStatusIsAnError() throws Exception {
    assertEquals(503, send(request("/status/503")).statusCode());
    Span server = onlyServerSpan("GET /status/*");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode());
    assertEquals("503", AgentSpans.attribute(server, "error.type"));

    AgentSpans.clear();
    assertEquals(409, send(request("/status/409")).statusCode());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, onlyServerSpan("GET /status/*").getStatus().getCode());
  }

  @Test
  void asyncRequestEndsWhenTheResponseCompletes() throws Exception {
    assertEquals("async", send(request("/async")).body());
    List<Span> spans = await(s -> has(s, "GET /async") && has(s, WORK_SPAN));
    Span server = AgentSpans.span(spans, "GET /async");
    Span work = AgentSpans.span(spans, WORK_SPAN);
    assertTrue(AgentSpans.isChildOf(work, server), "the async thread sees the request's context");
    assertTrue(server.getEndTimeUnixNano() >= work.getEndTimeUnixNano(),
        "the server span ends after the async work, not when the handler returned");
    assertEquals(200L, AgentSpans.attribute(server, "http.response.status_code"));
    assertEquals(1, serverSpans(spans).size());
  }

  @Test
  void asyncDispatchKeepsOneSpanAndItsContext() throws Exception {
    assertEquals("TRACED", send(request("/async-dispatch")).body());
    List<Span> spans = await(s -> has(s, "GET /async-dispatch") && has(s, WORK_SPAN));
    Span server = AgentSpans.span(spans, "GET /async-dispatch");
    assertTrue(AgentSpans.isChildOf(AgentSpans.span(spans, WORK_SPAN), server),
        "the dispatched request runs in the original request's context");
    assertEquals("/async-dispatch", AgentSpans.attribute(server, "url.path"));
    assertEquals(1, serverSpans(spans).size());

    AgentSpans.clear();
    assertEquals("TRACED", send(request("/async-dispatch-now")).body());
    spans = await(s -> has(s, "GET /async-dispatch-now") && has(s, WORK_SPAN));
    server = AgentSpans.span(spans, "GET /async-dispatch-now");
    Span work = AgentSpans.span(spans, WORK_SPAN);
    assertTrue(AgentSpans.isChildOf(work, server));
    assertTrue(server.getEndTimeUnixNano() >= work.getEndTimeUnixNano(),
        "a dispatch pending when the handler returns still belongs to the request");
    assertEquals(1, serverSpans(spans).size());
  }

  @Test
  void asyncTimeoutIsAnError() throws Exception {
    send(request("/async-timeout"));
    Span server = onlyServerSpan("GET /async-timeout");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode());
    assertEquals("timeout", AgentSpans.attribute(server, "error.type"));
  }

  @Test
  void forwardedHeadersNameTheClient() throws Exception {
    send(request("/hello").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1"));
    Span server = onlyServerSpan("GET /hello");
    assertEquals("203.0.113.7", AgentSpans.attribute(server, "client.address"));
    assertEquals("127.0.0.1", AgentSpans.attribute(server, "network.peer.address"));

    AgentSpans.clear();
    send(request("/hello").header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https"));
    assertEquals("2001:db8::17", AgentSpans.attribute(onlyServerSpan("GET /hello"), "client.address"));
  }

  @Test
  void unknownMethodIsOther() throws Exception {
    send(request("/hello").method("PROPFIND", HttpRequest.BodyPublishers.noBody()));
    Span server = onlyServerSpan("HTTP");
    assertEquals("_OTHER", AgentSpans.attribute(server, "http.request.method"));
    assertEquals("PROPFIND", AgentSpans.attribute(server, "http.request.method_original"));
  }

  @Test
  void noSpanLeaksIntoTheNextRequest() throws Exception {
    send(request("/hello"));
    send(request("/hello"));
    List<Span> spans = await(s -> serverSpans(s).size() >= 2);
    List<Span> server = serverSpans(spans);
    assertEquals(2, server.size());
    assertEquals("", AgentSpans.parentSpanId(server.get(0)));
    assertEquals("", AgentSpans.parentSpanId(server.get(1)));
    assertFalse(server.get(0).getTraceId().equals(server.get(1).getTraceId()));
  }

}
