package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.export.TestSpan;
import dev.clew.core.export.http.HttpSpanExporter;
import dev.clew.core.trace.SpanData;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
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
}
