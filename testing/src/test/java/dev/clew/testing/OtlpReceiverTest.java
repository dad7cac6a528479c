package dev.clew.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtlpReceiverTest {
  private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String SPAN_ID = "eee19b7ec3c1b174";
  private final OtlpReceiver receiver = OtlpReceiver.start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static ExportTraceServiceRequest request(String name) {
    Span span = Span.newBuilder().setName(name)
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_ID)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_ID))).build();
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("scope"))
            .addSpans(span))).build();
  }

  private HttpResponse<byte[]> post(byte[] body, String contentType, boolean gzip) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(receiver.tracesUrl()))
        .header("Content-Type", contentType).header("Authorization", "Bearer t0k3n");
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(body);
      }
      body = out.toByteArray();
      b.header("Content-Encoding", "gzip");
    }
    return client.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void receivesProtobufAndRecordsHeaders() throws Exception {
    HttpResponse<byte[]> response = post(request("a").toByteArray(), "application/x-protobuf", false);

    assertEquals(200, response.statusCode());
    assertEquals(ExportTraceServiceResponse.getDefaultInstance(), ExportTraceServiceResponse.parseFrom(response.body()));
    Span span = receiver.awaitSpans(1, Duration.ofSeconds(5)).get(0);
    assertEquals("a", span.getName());
    assertEquals(TRACE_ID, AgentSpans.traceId(span));
    assertEquals("scope", receiver.scopeOf(span).getName());
    OtlpReceiver.Request r = receiver.requests().get(0);
    assertEquals("Bearer t0k3n", r.header("authorization"));
    assertEquals("POST", r.method());
    assertTrue(!r.isJson() && !r.wasGzipped());
  }

  @Test
  void receivesGzippedJsonWithHexIds() throws Exception {
    String json = "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[{"
        + "\"traceId\":\"" + TRACE_ID + "\",\"spanId\":\"" + SPAN_ID + "\",\"name\":\"j\",\"kind\":3,"
        + "\"startTimeUnixNano\":\"1544712660000000000\",\"unknownField\":1}]}]}]}";

    assertEquals(200, post(json.getBytes(StandardCharsets.UTF_8), "application/json", true).statusCode());

    Span span = receiver.awaitSpans(1, Duration.ofSeconds(5)).get(0);
    assertEquals(TRACE_ID, AgentSpans.traceId(span));
    assertEquals(SPAN_ID, AgentSpans.spanId(span));
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
    assertEquals(1544712660000000000L, span.getStartTimeUnixNano());
    OtlpReceiver.Request r = receiver.requests().get(0);
    assertTrue(r.isJson() && r.wasGzipped());
    assertEquals(List.of(), OtlpJson.violations(r.jsonBody()));
  }

  @Test
  void jsonRuleChecksCatchWhatJsonFormatAccepts() {
    String json = "{\"resource_spans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"W47/95gDgQPSabYzgT/GDA==\","
        + "\"kind\":\"SPAN_KIND_SERVER\",\"startTimeUnixNano\":5,\"links\":[]}]}]}]}";

    List<String> violations = OtlpJson.violations(json);

    assertEquals(5, violations.size(), violations.toString());
  }

  @Test
  void failsAsToldThenRecovers() throws Exception {
    receiver.failNext(2, 503, Map.of("Retry-After", "1"));

    HttpResponse<byte[]> first = post(request("x").toByteArray(), "application/x-protobuf", false);
    assertEquals(503, first.statusCode());
    assertEquals("1", first.headers().firstValue("retry-after").orElse(null));
    assertEquals(503, post(request("x").toByteArray(), "application/x-protobuf", false).statusCode());
    assertEquals(200, post(request("x").toByteArray(), "application/x-protobuf", false).statusCode());

    assertEquals(List.of(503, 503, 200), receiver.requests().stream().map(OtlpReceiver.Request::status).toList());
    assertEquals(1, receiver.spans().size(), "spans of refused requests are not received");
  }

  @Test
  void answersPartialSuccessAndRejectsGarbage() throws Exception {
    receiver.respondPartialSuccess(3, "too old");

    HttpResponse<byte[]> proto = post(request("p").toByteArray(), "application/x-protobuf", false);
    assertEquals(3, ExportTraceServiceResponse.parseFrom(proto.body()).getPartialSuccess().getRejectedSpans());
    HttpResponse<byte[]> json = post("{}".getBytes(StandardCharsets.UTF_8), "application/json", false);
    assertEquals("{\"partialSuccess\":{\"rejectedSpans\":\"3\",\"errorMessage\":\"too old\"}}",
        new String(json.body(), StandardCharsets.UTF_8));

    assertEquals(400, post(new byte[] {(byte) 0xFF, 1}, "application/x-protobuf", false).statusCode());
    OtlpReceiver.Request bad = receiver.requests().get(2);
    assertNull(bad.decoded());
    assertNotNull(bad.decodeError());
  }
}
