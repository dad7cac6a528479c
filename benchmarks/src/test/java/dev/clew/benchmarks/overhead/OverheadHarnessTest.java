package dev.clew.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parts of the overhead benchmark whose mistakes would silently skew its table. */
class OverheadHarnessTest {
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/fixed", x -> {
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/chunked", x -> {
      x.sendResponseHeaders(200, 0); // 0: chunked
      try (OutputStream out = x.getResponseBody()) {
        for (int i = 0; i < 3; i++) {
          out.write(body);
          out.flush();
        }
      }
    });
    server.createContext("/missing", x -> {
      x.sendResponseHeaders(404, -1);
      x.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void connectionReadsFixedAndChunkedBodiesAndStaysUsable() throws IOException {
    int port = server.getAddress().getPort();
    try (HttpConnection fixed = new HttpConnection("127.0.0.1", port, "/fixed", 1000);
         HttpConnection chunked = new HttpConnection("127.0.0.1", port, "/chunked", 1000);
         HttpConnection missing = new HttpConnection("127.0.0.1", port, "/missing", 1000)) {
      for (int i = 0; i < 3; i++) { // the same connection again: each body was read to its end
        assertEquals(200, fixed.get());
        assertEquals(200, chunked.get());
        assertEquals(404, missing.get());
      }
    }
  }

  @Test
  void closedLoopCountsRequestsAndOpenLoopKeepsItsRate() throws InterruptedException {
    int port = server.getAddress().getPort();
    LoadGenerator.Result closed = LoadGenerator.run("127.0.0.1", port, "/fixed", 2, 0, 0.5);
    assertTrue(closed.requests > 10, "requests: " + closed.requests);
    assertEquals(0, closed.errors);
    assertEquals(closed.requests, closed.sortedMicros.length);

    LoadGenerator.Result open = LoadGenerator.run("127.0.0.1", port, "/fixed", 2, 100, 1.0);
    // due times 0, 10, ..., 990 ms: exactly 100 requests whatever the server's speed
    assertEquals(100, open.requests + open.errors);
    assertTrue(open.percentile(50) <= open.percentile(99) && open.percentile(99) <= open.percentile(100));

    LoadGenerator.Result failing = LoadGenerator.run("127.0.0.1", port, "/missing", 1, 50, 0.2);
    assertEquals(0, failing.requests);
    assertEquals(10, failing.errors);
  }

  @Test
  void sinkCountsSpansByStartTimeAsTheOfficialDecodingDoes() throws Exception {
    long t0 = 1_700_000_000_000L; // milliseconds
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (int r = 0; r < 2; r++) {
      ResourceSpans.Builder rs = ResourceSpans.newBuilder().setResource(Resource.newBuilder()
          .addAttributes(attribute("service.name", "svc" + r)));
      for (int s = 0; s < 2; s++) {
        ScopeSpans.Builder ss = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("scope"));
        for (int i = 0; i < 3; i++) {
          long startMillis = t0 + 100L * (r * 6 + s * 3 + i); // 12 spans, 100 ms apart
          ss.addSpans(Span.newBuilder()
              .setTraceId(ByteString.copyFrom(new byte[16]))
              .setSpanId(ByteString.copyFrom(new byte[8]))
              .setName("GET /items/*")
              .setKind(Span.SpanKind.SPAN_KIND_SERVER)
              .setStartTimeUnixNano(startMillis * 1_000_000L)
              .setEndTimeUnixNano(startMillis * 1_000_000L + 500_000L)
              .addAttributes(attribute("url.path", "/items/" + i)));
        }
        rs.addScopeSpans(ss);
      }
      request.addResourceSpans(rs);
    }
    try (OtlpSink sink = new OtlpSink()) {
      HttpResponse<Void> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(sink.endpoint() + "/v1/traces"))
              .header("Content-Type", "application/x-protobuf")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.build().toByteArray())).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(200, answer.statusCode());
      assertNull(sink.failure());
      assertEquals(12, sink.spans());
      assertEquals(4, sink.spansStartedBetween(t0 + 300, t0 + 700)); // starts at 300, 400, 500, 600
      sink.reset();
      assertEquals(0, sink.spans());
    }
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
