package dev.clew.core.export.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.clew.core.config.Config;
import dev.clew.core.export.BatchSpanProcessor;
import dev.clew.core.export.RetryPolicy;
import dev.clew.core.export.otlp.OtlpHttpExporter;
import dev.clew.core.export.zipkin.ZipkinSpanEncoder;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP export path against a real HTTP server (WireMock) that misbehaves in the ways backends do. */
class HttpExportFaultsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final RetryPolicy FAST_RETRY = new RetryPolicy(10, 50, 2.0, 100);
  private static final byte[] BODY = "[{\"span\":1}]".getBytes(StandardCharsets.UTF_8);

  /**
   * The sender's timeout where the backend answers: a timeout on a busy machine would be a retry, or a status of -1,
   * that the test did not ask for.
   */
  private static final int ANSWERS_WITHIN = 10_000;

  private WireMockServer backend;
  private final ExportStats stats = new ExportStats();
  private BatchSpanProcessor processor;

  @BeforeEach
  void startBackend() {
    backend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    backend.start();
  }

  @AfterEach
  void stopBackend() {
    if (processor != null) {
      processor.shutdown(1000);
    }
    backend.stop();
  }

  private URL url() throws IOException {
    return new URL("http://127.0.0.1:" + backend.port() + "/v1/traces");
  }

  private HttpSender sender(URL url, int timeoutMillis, boolean gzip) {
    return new HttpSender("test", new HttpSender.Settings(url, Collections.<String, String>emptyMap(), gzip,
        timeoutMillis, null, 30_000));
  }

  private List<LoggedRequest> requests() {
    return backend.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
  }

  /** An application tracer whose spans go through a batch processor to the given sender. */
  private Tracer appTracer(HttpSender sender) {
    processor = new BatchSpanProcessor(new HttpSpanExporter("test", new ZipkinSpanEncoder(), sender, null),
        new BatchSpanProcessor.Settings(2048, 3_600_000, 100, 30_000), stats, FAST_RETRY);
    TracerProvider provider = new TracerProvider(new Resource(Attributes.of("service.name", "app")),
        AlwaysOnSampler.INSTANCE, SpanLimits.defaults(), Collections.<SpanProcessor>singletonList(processor), stats);
    return provider.tracer("app");
  }

  private void awaitExported(long n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (stats.exportedCount() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(n, stats.exportedCount(), stats::toString);
  }

  private static void work(Tracer tracer, int spans) {
    for (int i = 0; i < spans; i++) {
      tracer.spanBuilder("op" + i).startSpan().end();
    }
  }

  @Test
  void backendDownTheWholeTimeKeepsTheSpansUntilShutdownThenCountsThem() throws Exception {
    // bound, not listening: connections are refused, and no other process can take the port meanwhile
    try (Socket closed = new Socket()) {
      closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Tracer tracer = appTracer(sender(new URL("http://127.0.0.1:" + closed.getLocalPort() + "/v1/traces"), 1000,
          false));
      assertTimeoutPreemptively(HANG_GUARD, () -> work(tracer, 250));
      processor.forceFlush(20_000);
      assertEquals(0, stats.exportedCount());
      assertEquals(0, stats.droppedCount() + stats.failedCount(), "kept for a retry while the queue has room");
      assertEquals(250, processor.heldCount() + processor.queuedCount());
      processor.shutdown(300);
      processor = null;
      assertEquals(250, stats.droppedCount(), "left behind at shutdown: counted");
      assertEquals(0, stats.exportedCount() + stats.failedCount());
    }
  }

  @Test
  void serviceUnavailableThenRecoveryLosesNothing() throws Exception {
    backend.stubFor(post("/v1/traces").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
    backend.stubFor(post("/v1/traces").inScenario("flaky").whenScenarioStateIs("still down")
        .willReturn(aResponse().withStatus(502).withHeader("Retry-After", "0")).willSetStateTo("up"));
    backend.stubFor(post("/v1/traces").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200)));
    Tracer tracer = appTracer(sender(url(), ANSWERS_WITHIN, false));
    work(tracer, 42);
    processor.forceFlush(20_000);
    awaitExported(42);
    assertEquals(0, stats.failedCount() + stats.droppedCount());
    List<LoggedRequest> sent = requests();
    assertEquals(3, sent.size(), "two failures, then the same batch again");
    assertArrayEquals(sent.get(0).getBody(), sent.get(2).getBody());
  }

  @Test
  void anOutageLongerThanManyBatchesLosesNothingAndKeepsTheOrder() throws Exception {
    backend.stubFor(post("/v1/traces").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)));
    Tracer tracer = appTracer(sender(url(), ANSWERS_WITHIN, false));
    work(tracer, 1000); // ten batches of 100 while the backend is down
    processor.forceFlush(20_000);
    assertEquals(0, stats.exportedCount());
    backend.stubFor(post("/v1/traces").inScenario("outage").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200)));
    backend.setScenarioState("outage", "up");
    awaitExported(1000);
    assertEquals(0, stats.failedCount() + stats.droppedCount());
    List<LoggedRequest> sent = requests();
    List<LoggedRequest> delivered = sent.subList(sent.size() - 10, sent.size());
    for (int i = 0; i < 10; i++) {
      String body = delivered.get(i).getBodyAsString();
      assertTrue(body.contains("\"op" + (i * 100) + "\"") && body.contains("\"op" + (i * 100 + 99) + "\""),
          "batch " + i + " in order");
    }
  }

  @Test
  void badRequestIsNotRetried() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad span\"}")));
    HttpSender.Result r = sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json");
    assertFalse(r.success);
    assertFalse(r.retryable);
    assertEquals(400, r.status);
    assertEquals(1, requests().size());
  }

  @Test
  void retryAfterIsPassedOnAndCapped() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    HttpSender.Result r = sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json");
    assertFalse(r.success);
    assertTrue(r.retryable);
    assertEquals(429, r.status);
    assertEquals(3_600_000, r.retryAfterMillis);
    assertEquals(1, requests().size(), "one attempt per send: the processor decides when to try again");
    assertEquals(300_000, RetryPolicy.defaults().delayMillis(1, r.retryAfterMillis), "an hour is capped at 5 min");
  }

  @Test
  void gatewayErrorsAndConnectionFailuresAreRetryable() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(504)));
    HttpSender.Result r = sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json");
    assertTrue(r.retryable);
    assertEquals(-1, r.retryAfterMillis);
    assertEquals(1, requests().size());
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(500)));
    assertFalse(sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json").retryable, "500 is not retried");
    backend.stubFor(post("/v1/traces").willReturn(aResponse()
        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    HttpSender.Result reset = sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json");
    assertTrue(reset.retryable, "a reset connection may work next time");
    assertEquals(-1, reset.status);
  }

  @Test
  void hangingBackendTimesOutAndNeverHoldsTheApplication() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    HttpSender hanging = sender(url(), 200, false);
    HttpSender.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> hanging.send(BODY, "application/json"));
    assertFalse(r.success);
    assertTrue(r.retryable);
    assertEquals(-1, r.status);

    Tracer tracer = appTracer(sender(url(), 200, false));
    // far more spans than fit in the queue while every export hangs: the application never waits
    assertTimeoutPreemptively(HANG_GUARD, () -> work(tracer, 20_000));
    assertTrue(stats.droppedCount() > 0);
    assertEquals(20_000, stats.endedCount());
    assertTrue(processor.heldCount() + processor.queuedCount() <= 2048, "memory bounded by the queue size");
  }

  @Test
  void gzipOnCompressesTheBody() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200)));
    assertTrue(sender(url(), ANSWERS_WITHIN, true).send(BODY, "application/json").success);
    LoggedRequest req = requests().get(0);
    assertEquals("gzip", req.getHeader("Content-Encoding"));
    assertArrayEquals(BODY, gunzipIfNeeded(req.getBody()));
  }

  @Test
  void gzipOffSendsThePlainBody() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200)));
    assertTrue(sender(url(), ANSWERS_WITHIN, false).send(BODY, "application/json").success);
    LoggedRequest req = requests().get(0);
    assertNull(req.getHeader("Content-Encoding"));
    assertArrayEquals(BODY, req.getBody());
    assertEquals("application/json", req.getHeader("Content-Type"));
  }

  @Test
  void configuredHeadersAreSent() throws Exception {
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200)));
    Map<String, String> m = new HashMap<>();
    m.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + backend.port());
    m.put("otel.exporter.otlp.headers", "Authorization=Bearer%20s3cr3t,x-tenant=blue");
    HttpSender s = new HttpSender("otlp", OtlpHttpExporter.settings(Config.of(m), 10_000));
    assertTrue(s.send(BODY, "application/x-protobuf").success);
    LoggedRequest req = requests().get(0);
    assertEquals("Bearer s3cr3t", req.getHeader("Authorization"));
    assertEquals("blue", req.getHeader("x-tenant"));
    assertEquals("application/x-protobuf", req.getHeader("Content-Type"));
  }

  private static byte[] gunzipIfNeeded(byte[] body) throws IOException {
    if (body.length < 2 || (body[0] & 0xFF) != 0x1f || (body[1] & 0xFF) != 0x8b) {
      return body; // the server already decoded it
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
