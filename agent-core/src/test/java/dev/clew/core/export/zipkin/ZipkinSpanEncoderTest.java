package dev.clew.core.export.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clew.core.export.TestSpan;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixtures follow the Zipkin v2 API (zipkin2-api.yaml: ids as lower-hex, timestamp and duration in
 * epoch microseconds, kind absent for local spans, tags as a string map) and the OpenTelemetry Zipkin
 * mapping (otel.status_code, error, otel.scope.*, events as "name":{attributes} annotations).
 */
class ZipkinSpanEncoderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long PARENT_ID = 0x00f067aa0ba902b7L;

  @Test
  void serverSpanThatJoinedARemoteTrace() throws Exception {
    TestSpan s = new TestSpan();
    s.name = "get /api";
    s.kind = SpanKind.SERVER;
    s.parent = SpanContext.createFromRemote(s.context.traceIdHigh(), s.context.traceIdLow(), PARENT_ID,
        SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    s.resource = new Resource(Attributes.of("service.name", "backend", "host.name", "h1"));
    s.attributes = Attributes.of("http.request.method", "GET", "url.path", "/api", "http.response.status_code", 500L,
        "network.peer.address", "172.19.0.2", "network.peer.port", 58648L);
    s.status = StatusCode.ERROR;
    s.statusDescription = "boom";
    s.events.add(new SpanEvent("exception", 1_700_000_000_150_000_000L,
        Attributes.of("exception.type", "java.lang.IllegalStateException", "exception.message", "boom")));
    assertEncodes("server-span.json", s);
  }

  @Test
  void clientSpanWithPeerAndTypedAttributesAndALocalRoot() throws Exception {
    TestSpan client = new TestSpan();
    client.name = "select orders";
    client.kind = SpanKind.CLIENT;
    client.parent = SpanContext.create(client.context.traceIdHigh(), client.context.traceIdLow(), PARENT_ID,
        SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    client.attributes = Attributes.of("server.address", "db.internal", "server.port", 5432L,
        "network.peer.address", "::1", "ratio", 0.25, "retried", true, "labels", new String[] {"a", "b\"c"},
        "sizes", new long[] {1, 2});
    client.status = StatusCode.OK;
    client.events.add(new SpanEvent("cache miss", 1_700_000_000_150_000_000L, null));

    TestSpan root = new TestSpan();
    root.context = client.parent;
    root.name = "checkout";
    root.end = root.start + 10; // under a microsecond: Zipkin wants at least 1
    assertEncodes("client-span.json", client, root);
  }

  @Test
  void serverSpanWithALocalParentIsNotShared() throws Exception {
    TestSpan s = new TestSpan();
    s.kind = SpanKind.SERVER;
    s.parent = SpanContext.create(1, 2, 3, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    JsonNode span = MAPPER.readTree(new ZipkinSpanEncoder().encode(Collections.<SpanData>singletonList(s))).get(0);
    assertEquals(null, span.get("shared"));
    assertEquals(null, span.get("remoteEndpoint"), "nothing known about the peer");
  }

  private static void assertEncodes(String fixture, SpanData... spans) throws Exception {
    byte[] json = new ZipkinSpanEncoder().encode(Arrays.asList(spans));
    JsonNode expected;
    try (InputStream in = ZipkinSpanEncoderTest.class.getResourceAsStream("/zipkin/" + fixture)) {
      expected = MAPPER.readTree(in);
    }
    assertEquals(expected.toPrettyString(), MAPPER.readTree(json).toPrettyString());
    List<String> order = fieldOrder(MAPPER.readTree(json).get(0));
    assertEquals("traceId", order.get(0), "ids first, as Zipkin writes them");
  }

  private static List<String> fieldOrder(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
