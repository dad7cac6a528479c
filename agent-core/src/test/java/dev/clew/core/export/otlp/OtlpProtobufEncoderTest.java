package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.TracerProvider;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpProtobufEncoderTest {
  private final OtlpProtobufEncoder encoder = new OtlpProtobufEncoder();

  @Test
  void encodesEveryFieldAsTheOfficialClassesDo() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();
    ExportTraceServiceRequest expected = OtlpReference.request(spans);

    byte[] bytes = encoder.encode(spans);

    assertEquals(expected, ExportTraceServiceRequest.parseFrom(bytes));
    // fields in number order and defaults omitted: the bytes are those protobuf-java writes
    assertArrayEquals(expected.toByteArray(), bytes);
  }

  @Test
  void groupsByResourceThenScope() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();

    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(encoder.encode(spans));

    assertEquals(2, request.getResourceSpansCount());
    ResourceSpans orders = request.getResourceSpans(0);
    assertEquals("orders", orders.getResource().getAttributes(0).getValue().getStringValue());
    assertEquals(List.of("clew.jdbc", "clew.http"),
        orders.getScopeSpansList().stream().map(s -> s.getScope().getName()).toList());
    assertEquals(List.of("SELECT orders", "two links, limit one"),
        orders.getScopeSpans(0).getSpansList().stream().map(Span::getName).toList());
    assertEquals(List.of("render", "GET /orders/{id}"),
        orders.getScopeSpans(1).getSpansList().stream().map(Span::getName).toList());
    ResourceSpans billing = request.getResourceSpans(1);
    assertEquals(1, billing.getScopeSpansCount());
    assertEquals(2, billing.getScopeSpans(0).getSpansCount());
  }

  @Test
  void spanFieldsFollowTheSpec() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(encoder.encode(spans));
    Span server = request.getResourceSpans(0).getScopeSpans(1).getSpans(1);

    assertEquals("0af7651916cd43dd8448eb211c80319c", HexFormat.of().formatHex(server.getTraceId().toByteArray()));
    assertEquals("b7ad6b7169203331", HexFormat.of().formatHex(server.getParentSpanId().toByteArray()));
    assertEquals("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", server.getTraceState());
    assertEquals(0x301, server.getFlags(), "sampled; parent known to be remote");
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, server.getKind());
    assertEquals(SpanFixtures.T0, server.getStartTimeUnixNano());
    assertEquals(SpanFixtures.T0 + 1_000_000, server.getEndTimeUnixNano());
    assertEquals(1, server.getDroppedAttributesCount());
    assertEquals(1, server.getDroppedEventsCount());
    assertEquals(1, server.getEvents(0).getDroppedAttributesCount());
    assertEquals("/orders/ünïcödé/✓/😀", server.getAttributes(2).getValue().getStringValue());
    assertEquals("a string longer than the forty character", server.getAttributes(3).getValue().getStringValue());
    assertEquals(-7, server.getAttributes(6).getValue().getIntValue());

    Span consume = request.getResourceSpans(1).getScopeSpans(0).getSpans(1);
    assertTrue(consume.getParentSpanId().isEmpty());
    assertEquals(0x101, consume.getFlags());
    assertEquals(2, consume.getLinksCount());
    assertEquals(0x300, consume.getLinks(0).getFlags(), "not sampled, remote");
    assertEquals("k=v", consume.getLinks(0).getTraceState());
    assertEquals(1, consume.getLinks(0).getDroppedAttributesCount());
    assertEquals(0x101, consume.getLinks(1).getFlags());
    Span twoLinks = request.getResourceSpans(0).getScopeSpans(0).getSpans(1);
    assertEquals(1, twoLinks.getDroppedLinksCount());
  }

  @Test
  void unusualValuesStayIntact() throws Exception {
    SpanFixtures.Collector collector = new SpanFixtures.Collector();
    TracerProvider provider = SpanFixtures.provider("svc", collector, SpanLimits.defaults());
    StringBuilder longName = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      longName.append((char) ('a' + i % 26));
    }
    provider.tracer("t").spanBuilder(longName.toString()) // length prefix over one byte
        .setAttribute("nulls", new String[] {"a", null})
        .setAttribute("lone surrogate", "x\uD800y")
        .setAttribute("nan", Double.NaN)
        .setAttribute("big", Long.MIN_VALUE)
        .startSpan().end();
    SpanData span = collector.spans.get(0);

    Span decoded = ExportTraceServiceRequest.parseFrom(encoder.encode(List.of(span)))
        .getResourceSpans(0).getScopeSpans(0).getSpans(0);

    assertEquals(longName.toString(), decoded.getName());
    assertEquals(List.of(AnyValue.newBuilder().setStringValue("a").build(), AnyValue.getDefaultInstance()),
        decoded.getAttributes(0).getValue().getArrayValue().getValuesList());
    assertEquals("x?y", decoded.getAttributes(1).getValue().getStringValue());
    assertTrue(Double.isNaN(decoded.getAttributes(2).getValue().getDoubleValue()));
    assertEquals(Long.MIN_VALUE, decoded.getAttributes(3).getValue().getIntValue());
  }

  @Test
  void reusesItsBuffersAcrossBatchesOfDifferentSizes() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();
    List<SpanData> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.addAll(spans);
    }
    assertEquals(OtlpReference.request(many), ExportTraceServiceRequest.parseFrom(encoder.encode(many)));
    assertEquals(OtlpReference.request(spans), ExportTraceServiceRequest.parseFrom(encoder.encode(spans)));
    assertEquals(0, encoder.encode(Collections.emptyList()).length);
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    assertEquals(encoder.encode(spans).length, encoder.encode(spans, streamed));
    assertArrayEquals(encoder.encode(spans), streamed.toByteArray());
  }
}
