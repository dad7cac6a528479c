package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.export.TestSpan;
import dev.clew.core.export.http.HttpSpanExporter;
import dev.clew.core.trace.SpanData;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OTLP exporter as configured, against the test receiver that decodes with the official classes. */
class OtlpHttpExporterTest {
  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf", "http/json"})
  void deliversToTheReceiverAndAcceptsAPartialSuccess(String protocol) {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      receiver.respondPartialSuccess(1, "span too old");
      HttpSpanExporter exporter = OtlpHttpExporter.fromConfig(Config.of(Map.of(
          "otel.exporter.otlp.endpoint", receiver.endpoint(),
          "otel.exporter.otlp.protocol", protocol,
          "otel.exporter.otlp.compression", "gzip")), 10_000);
      TestSpan span = new TestSpan();
      assertTrue(exporter.export(Collections.<SpanData>singletonList(span)).isSuccess(), "a partial success is a success");
      List<Span> spans = receiver.awaitSpans(1, Duration.ofSeconds(10));
      assertEquals(span.name, spans.get(0).getName());
      OtlpReceiver.Request request = receiver.requests().get(0);
      assertEquals("http/json".equals(protocol), request.isJson());
      assertTrue(request.wasGzipped());
      exporter.shutdown();
    }
  }

  /**
   * The exporter encodes (and compresses) every batch into buffers it keeps: a small batch after a large one,
   * a larger one after that, and a batch resent after a failure must each go out whole and exactly as
   * encoded, without a byte of the batch before.
   */
  @ParameterizedTest
  @ValueSource(strings = {"http/protobuf,none", "http/protobuf,gzip", "http/json,none", "http/json,gzip"})
  void reusedBuffersSendEachBatchExactly(String settings) {
    String[] s = settings.split(",");
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      HttpSpanExporter exporter = OtlpHttpExporter.fromConfig(Config.of(Map.of(
          "otel.exporter.otlp.endpoint", receiver.endpoint(),
          "otel.exporter.otlp.protocol", s[0],
          "otel.exporter.otlp.compression", s[1])), 10_000);
      List<SpanData> large = batch("large", 300);
      List<SpanData> small = batch("small", 1);
      List<SpanData> larger = batch("larger", 400);
      assertTrue(exporter.export(large).isSuccess());
      assertTrue(exporter.export(small).isSuccess());
      receiver.failNext(1, 503);
      assertTrue(exporter.export(larger).isRetryable());
      assertTrue(exporter.export(larger).isSuccess(), "the same batch, encoded again");

      List<OtlpReceiver.Request> requests = receiver.awaitRequests(4, Duration.ofSeconds(10));
      assertEquals(4, requests.size());
      assertArrayEquals(requests.get(2).body(), requests.get(3).body(), "a retried batch goes out with the same bytes");
      List<String> names = new ArrayList<>();
      for (Span span : receiver.spans()) {
        names.add(span.getName());
      }
      List<String> expected = new ArrayList<>();
      for (List<SpanData> b : List.of(large, small, larger)) {
        for (SpanData d : b) {
          expected.add(d.name());
        }
      }
      assertEquals(expected, names);
      exporter.shutdown();
    }
  }

  private static List<SpanData> batch(String prefix, int size) {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      TestSpan span = new TestSpan();
      span.name = prefix + " " + i;
      span.attributes.put("item.index", (long) i);
      spans.add(span);
    }
    return spans;
  }
}
