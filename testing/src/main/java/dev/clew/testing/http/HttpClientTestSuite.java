package dev.clew.testing.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.ClosedPort;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every HTTP client module must do, run against a real WireMock server (HTTP and HTTPS): one
 * CLIENT span per call with the conventions' attributes and status, and the server receiving a
 * {@code traceparent} naming that span. Each case runs sync and, where the client has an async API, async
 * ({@code async=true}); a case a client cannot run (async without an async API, a non-standard method on a
 * client that only sends standard ones) is not generated for it rather than skipped.
 *
 * <p>The module's client must use a read timeout of {@link #READ_TIMEOUT} and, for HTTPS, trust
 * {@link #trustAllSslContext()} without verifying the host name (WireMock's certificate is self-signed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the case sources ask the module what its client can do
public abstract class HttpClientTestSuite {
  public static final Duration READ_TIMEOUT = Duration.ofMillis(3000);
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** A second span of one call would end right after the first: none for this long, and there is none. */
  private static final Duration QUIET = Duration.ofMillis(300);

  protected static WireMockServer server;
  private boolean warmedUp; // per test class (one instance each): a second class in the JVM has its own server

  /**
   * Sends one request and returns the response status; failures are thrown as the client throws them
   * (async: the cause the future failed with). Sets every header of {@code headers} on the request.
   */
  protected abstract int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception;

  protected boolean hasAsync() {
    return true;
  }

  /** Whether the client can send a method outside the standard set (HttpURLConnection cannot). */
  protected boolean hasCustomMethods() {
    return true;
  }

  /** The instrumentation scope the module's spans carry, e.g. {@code clew.okhttp}. */
  protected abstract String scopeName();

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
    server.start();
    server.stubFor(any(urlPathEqualTo("/warmup")).willReturn(aResponse().withStatus(200)));
    server.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("ok")));
    server.stubFor(any(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no")));
    server.stubFor(any(urlPathEqualTo("/fail")).willReturn(aResponse().withStatus(500).withBody("boom")));
    server.stubFor(any(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200)
        .withFixedDelay((int) READ_TIMEOUT.toMillis() + 3000)));
    server.stubFor(any(urlPathEqualTo("/redirect")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/ok")));
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    if (!warmedUp) {
      warmedUp = true;
      warmUp(); // the first calls load and instrument many classes: slow on a busy machine; a late
      // request of these lands on its own path, never on a test's
    }
    server.resetRequests();
    AgentSpans.clear();
  }

  private void warmUp() {
    int sent = 0;
    for (boolean async : new boolean[] {false, true}) {
      if (async && !hasAsync()) {
        continue;
      }
      for (URI uri : new URI[] {http("/warmup"), URI.create("https://localhost:" + server.httpsPort() + "/warmup")}) {
        try {
          send("GET", uri, Map.of(), async);
          sent++;
        } catch (Exception e) {
          // the tests report it
        }
      }
    }
    // an async client may end its span just after the caller saw the response: wait for the warm-up's own
    // spans, or one of them lands in the first test's
    if (sent > 0) {
      try {
        AgentSpans.awaitQuiet(sent, QUIET, WAIT);
      } catch (AssertionError e) {
        // the tests report missing spans
      }
    }
    server.resetRequests();
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors(), "advice errors were suppressed; see the test output");
  }

  protected static URI http(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void successIsOneClientSpanThatTheServerSeesAsParent(boolean async) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/ok?q=1&sig=secret&access_token=t0k&X-Amz-Signature=s");
    assertEquals(200, send("GET", uri, Map.of("X-App", "kept"), async));

    Span span = onlyClientSpan();
    assertEquals("GET", span.getName());
    assertEquals("", AgentSpans.parentSpanId(span), "no context at the call: a new trace");
    AgentSpans.assertAttributesExactly(span, Map.of(
        "http.request.method", "GET",
        "url.full", "http://127.0.0.1:" + server.port() + "/ok?q=1&sig=REDACTED&access_token=REDACTED"
            + "&X-Amz-Signature=REDACTED",
        "server.address", "127.0.0.1",
        "server.port", (long) server.port(),
        "http.response.status_code", 200L,
        "network.protocol.version", "1.1"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.getStatus().getCode());
    assertEquals(scopeName(), AgentSpans.scopeOf(span).getName());

    LoggedRequest received = onlyRequest("/ok");
    assertTraceparentNames(span, received);
    assertOtherFormatsName(span, received);
    assertEquals(List.of("kept"), received.getHeaders().getHeader("X-App").values(), "the application's header");
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void notFoundIsAnErrorSpanWithTheStatus(boolean async) throws Exception {
    assertStatusError("/missing", 404, async);
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void serverErrorIsAnErrorSpanWithTheStatus(boolean async) throws Exception {
    assertStatusError("/fail", 500, async);
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void connectionRefusedReachesTheCallerAndIsRecorded(boolean async) throws Exception {
    try (ClosedPort closed = ClosedPort.open()) {
      URI uri = URI.create("http://127.0.0.1:" + closed.port() + "/ok");
      Exception thrown = assertThrows(Exception.class, () -> send("GET", uri, Map.of(), async));
      assertExceptionSpan(thrown);
    }
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void readTimeoutReachesTheCallerAndIsRecorded(boolean async) throws Exception {
    Exception thrown = assertThrows(Exception.class, () -> send("GET", http("/slow"), Map.of(), async));
    Span span = assertExceptionSpan(thrown);
    // a client may send a GET again on a new connection while it waits (the JDK client on a loaded machine:
    // two requests to /slow in 5.9 s): still one call, one span, and every send names it
    List<LoggedRequest> received = server.findAll(anyRequestedFor(urlPathEqualTo("/slow")));
    assertFalse(received.isEmpty(), "requests to /slow");
    for (LoggedRequest r : received) {
      assertTraceparentNames(span, r);
    }
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void redirectIsOneSpanWithTheFinalStatusAndBothHopsCarryIt(boolean async) throws Exception {
    assertEquals(200, send("GET", http("/redirect"), Map.of(), async));
    Span span = onlyClientSpan();
    assertEquals(http("/redirect").toString(), AgentSpans.attribute(span, "url.full"));
    assertEquals(200L, AgentSpans.attribute(span, "http.response.status_code"));
    assertTraceparentNames(span, onlyRequest("/redirect"));
    assertTraceparentNames(span, onlyRequest("/ok"));
  }

  @ParameterizedTest(name = "async={0}", allowZeroInvocations = true)
  @MethodSource("customMethodModes")
  void nonStandardMethodIsNamedHttp(boolean async) throws Exception {
    assertEquals(200, send("PROPFIND", http("/ok"), Map.of(), async));
    Span span = onlyClientSpan();
    assertEquals("HTTP", span.getName());
    assertEquals("_OTHER", AgentSpans.attribute(span, "http.request.method"));
    assertEquals("PROPFIND", AgentSpans.attribute(span, "http.request.method_original"));
    assertTraceparentNames(span, onlyRequest("/ok"));
  }

  @ParameterizedTest(name = "async={0}")
  @MethodSource("modes")
  void httpsCallIsTracedAndPropagated(boolean async) throws Exception {
    URI uri = URI.create("https://localhost:" + server.httpsPort() + "/ok?case=https");
    assertEquals(200, send("GET", uri, Map.of(), async));
    Span span = onlyClientSpan();
    assertEquals(uri.toString(), AgentSpans.attribute(span, "url.full"));
    assertEquals((long) server.httpsPort(), AgentSpans.attribute(span, "server.port"));
    // a client may resend over a fresh connection when a kept-alive TLS one turns out closed
    List<LoggedRequest> received = server.findAll(anyRequestedFor(urlPathEqualTo("/ok"))
        .withQueryParam("case", equalTo("https")));
    assertFalse(received.isEmpty());
    for (LoggedRequest r : received) {
      assertTraceparentNames(span, r);
    }
  }

  /** The ways the module's client sends: sync, and async where it has an async API. */
  Stream<Boolean> modes() {
    return hasAsync() ? Stream.of(false, true) : Stream.of(false);
  }

  Stream<Boolean> customMethodModes() {
    return hasCustomMethods() ? modes() : Stream.empty();
  }

  private void assertStatusError(String path, int status, boolean async) throws Exception {
    int got;
    try {
      got = send("GET", http(path), Map.of(), async);
    } catch (Exception e) {
      got = -1; // clients that throw on error statuses still must report the response
    }
    Span span = onlyClientSpan();
    assertTrue(got == status || got == -1, "status " + got);
    AgentSpans.assertAttributesExactly(span, Map.of(
        "http.request.method", "GET",
        "url.full", http(path).toString(),
        "server.address", "127.0.0.1",
        "server.port", (long) server.port(),
        "http.response.status_code", (long) status,
        "network.protocol.version", "1.1",
        "error.type", Integer.toString(status)));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertTraceparentNames(span, onlyRequest(path));
  }

  private Span assertExceptionSpan(Exception thrown) {
    Span span = onlyClientSpan();
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertNull(AgentSpans.attribute(span, "http.response.status_code"));
    Object errorType = AgentSpans.attribute(span, "error.type");
    assertNotNull(errorType);
    Span.Event event = span.getEventsList().stream().filter(e -> e.getName().equals("exception")).findFirst()
        .orElseThrow(() -> new AssertionError("no exception event"));
    Object eventType = AgentSpans.attributes(event.getAttributesList()).get("exception.type");
    assertEquals(errorType, eventType);
    assertTrue(isOrCauses(thrown, (String) errorType), thrown + " is not (caused by) " + errorType);
    return span;
  }

  private static boolean isOrCauses(Throwable t, String className) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getClass().getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** The one span the call produced since the test started; it must be a CLIENT span. */
  protected Span onlyClientSpan() {
    List<Span> spans = AgentSpans.awaitQuiet(1, QUIET, WAIT);
    assertEquals(1, spans.size(), "spans: " + AgentSpans.names(spans));
    Span span = spans.get(0);
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
    return span;
  }

  protected static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> found = server.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertEquals(1, found.size(), "requests to " + path);
    return found.get(0);
  }

  /** The request carried exactly one traceparent, naming the span's trace and the span as parent. */
  protected static void assertTraceparentNames(Span span, LoggedRequest request) {
    List<String> values = request.getHeaders().getHeader("traceparent").values();
    assertEquals(1, values.size(), "traceparent values " + values);
    String[] parts = values.get(0).split("-");
    assertEquals(4, parts.length, values.get(0));
    assertEquals(AgentSpans.traceId(span), parts[1], "trace id");
    assertEquals(AgentSpans.spanId(span), parts[2], "parent span id");
    assertFalse(parts[3].isEmpty());
  }

  /**
   * Each other format the module's tests configure in {@code otel.propagators} (b3, b3multi, jaeger)
   * reached the server naming the span too.
   */
  protected static void assertOtherFormatsName(Span span, LoggedRequest request) {
    String traceId = AgentSpans.traceId(span);
    String spanId = AgentSpans.spanId(span);
    for (String format : System.getProperty("otel.propagators", "tracecontext,baggage").split(",")) {
      switch (format.trim()) {
        case "b3":
          assertTrue(request.getHeader("b3").startsWith(traceId + "-" + spanId + "-"), request.getHeader("b3"));
          break;
        case "b3multi":
          assertEquals(traceId, request.getHeader("X-B3-TraceId"));
          assertEquals(spanId, request.getHeader("X-B3-SpanId"));
          break;
        case "jaeger":
          String uber = request.getHeader("uber-trace-id");
          assertTrue(uber.startsWith(traceId + ":" + spanId + ":"), uber);
          break;
        default:
          break;
      }
    }
  }

  /** Trusts any certificate: WireMock's HTTPS certificate is self-signed. */
  public static SSLContext trustAllSslContext() {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {trustAllManager()}, null);
      return ssl;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The trust manager of {@link #trustAllSslContext()}, for clients that take both (OkHttp). */
  public static X509TrustManager trustAllManager() {
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }
}
