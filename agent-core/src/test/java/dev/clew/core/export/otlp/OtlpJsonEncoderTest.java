package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.InstrumentationScope;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.SpanLink;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import dev.clew.testing.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonEncoderTest {
  private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();

  @Test
  void decodesToTheSameRequestAsTheSpecBuildsIt() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();

    String json = new String(encoder.encode(spans), StandardCharsets.UTF_8);

    assertEquals(OtlpReference.request(spans), parse(json));
  }

  @Test
  void followsTheOtlpJsonRulesThatJsonFormatDoesNotCheck() {
    String json = new String(encoder.encode(SpanFixtures.mixedBatch()), StandardCharsets.UTF_8);

    assertEquals(List.of(), OtlpJson.violations(json));
    assertEquals("{}", new String(encoder.encode(List.of()), StandardCharsets.UTF_8));
  }

  @Test
  void writesAKnownSpanExactly() {
    SpanContext ctx = SpanContext.create(0x5b8efff798038103L, 0xd269b633813fc60cL, 0xeee19b7ec3c1b174L,
        SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    SpanContext parent = SpanContext.createFromRemote(0x5b8efff798038103L, 0xd269b633813fc60cL,
        0xeee19b7ec3c1b173L, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    SpanContext linked = SpanContext.create(1, 2, 3, (byte) 0, TraceState.ofValidated(List.of("a", "b")));
    FixedSpan span = new FixedSpan(ctx, parent, "I'm a server span", SpanKind.SERVER, 1544712660000000000L,
        1544712661000000000L, Attributes.of("my.span.attr", "some value", "n", 42L),
        List.of(new SpanEvent("e", 1544712660500000000L, Attributes.of("x", 1.5))),
        List.of(new SpanLink(linked, Attributes.of("flags", new boolean[] {true}))),
        StatusCode.ERROR, "boom",
        new Resource(Attributes.of("service.name", "my.service")), new InstrumentationScope("my.library", "1.0.0"));

    String json = new String(encoder.encode(List.of(span)), StandardCharsets.UTF_8);

    assertEquals("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
        + "{\"stringValue\":\"my.service\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"my.library\",\"version\":"
        + "\"1.0.0\"},\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
        + "\"parentSpanId\":\"eee19b7ec3c1b173\",\"flags\":769,\"name\":\"I'm a server span\",\"kind\":2,"
        + "\"startTimeUnixNano\":\"1544712660000000000\",\"endTimeUnixNano\":\"1544712661000000000\","
        + "\"attributes\":[{\"key\":\"my.span.attr\",\"value\":{\"stringValue\":\"some value\"}},"
        + "{\"key\":\"n\",\"value\":{\"intValue\":\"42\"}}],"
        + "\"events\":[{\"timeUnixNano\":\"1544712660500000000\",\"name\":\"e\",\"attributes\":[{\"key\":\"x\","
        + "\"value\":{\"doubleValue\":1.5}}]}],"
        + "\"links\":[{\"traceId\":\"00000000000000010000000000000002\",\"spanId\":\"0000000000000003\","
        + "\"traceState\":\"a=b\",\"attributes\":[{\"key\":\"flags\",\"value\":{\"arrayValue\":{\"values\":"
        + "[{\"boolValue\":true}]}}}],\"flags\":256}],"
        + "\"status\":{\"message\":\"boom\",\"code\":2}}]}]}]}", json);
  }

  @Test
  void encodesOneSelfDescribingRequestPerLine() throws Exception {
    List<SpanData> spans = SpanFixtures.mixedBatch();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (SpanData s : spans) {
      encoder.encodeLine(s, file);
    }

    String[] lines = file.toString(StandardCharsets.UTF_8).split("\n", -1);

    assertEquals(spans.size() + 1, lines.length);
    assertEquals("", lines[spans.size()]);
    for (int i = 0; i < spans.size(); i++) {
      assertEquals(OtlpReference.request(List.of(spans.get(i))), parse(lines[i]));
      assertEquals(lines[i] + "\n", new String(encoder.encodeLine(spans.get(i)), StandardCharsets.UTF_8));
    }
  }

  @Test
  void specialDoublesAndExtremeIntegers() throws Exception {
    SpanFixtures.Collector collector = new SpanFixtures.Collector();
    SpanFixtures.provider("svc", collector, dev.clew.core.trace.SpanLimits.defaults()).tracer("t")
        .spanBuilder("s")
        .setAttribute("nan", Double.NaN)
        .setAttribute("inf", new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -2.5})
        .setAttribute("min", Long.MIN_VALUE)
        .setAttribute("max", Long.MAX_VALUE)
        .setAttribute("quote", "say \"hi\"\n\t\\ \u0001")
        .setAttribute("lone surrogates", "a\uD800b\uDC00")
        .startSpan().end();

    String json = new String(encoder.encode(collector.spans), StandardCharsets.UTF_8);

    assertEquals(OtlpReference.request(collector.spans), parse(json));
    assertTrue(json.contains("{\"intValue\":\"-9223372036854775808\"}"), json);
  }

  private static ExportTraceServiceRequest parse(String json) throws Exception {
    return OtlpJson.parse(json);
  }

  /** A span with fixed ids, for the literal fixture. */
  record FixedSpan(SpanContext spanContext, SpanContext parentSpanContext, String name, SpanKind kind,
      long startEpochNanos, long endEpochNanos, Attributes attributes, List<SpanEvent> events, List<SpanLink> links,
      StatusCode statusCode, String statusDescription, Resource resource, InstrumentationScope scope)
      implements SpanData {
    @Override
    public int droppedEvents() {
      return 0;
    }

    @Override
    public int droppedLinks() {
      return 0;
    }
  }
}
