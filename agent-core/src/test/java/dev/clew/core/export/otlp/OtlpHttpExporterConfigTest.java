package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.export.http.HttpSender;
import dev.clew.core.export.zipkin.ZipkinSpanExporter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpHttpExporterConfigTest {
  private static Config config(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Config.of(m);
  }

  @Test
  void defaults() {
    HttpSender.Settings s = OtlpHttpExporter.settings(config(), 30_000);
    assertEquals("http://localhost:4318/v1/traces", s.url().toString());
    assertFalse(s.gzip());
    assertEquals(10_000, s.timeoutMillis());
    assertTrue(s.headerNames().isEmpty());
    assertEquals(OtlpHttpExporter.Protocol.HTTP_PROTOBUF, OtlpHttpExporter.protocol(config()));
  }

  @Test
  void generalEndpointGetsTheSignalPathAppended() {
    assertEquals("https://collector:4318/v1/traces",
        OtlpHttpExporter.endpoint(config("otel.exporter.otlp.endpoint", "https://collector:4318")).toString());
    assertEquals("http://gw/otlp/v1/traces",
        OtlpHttpExporter.endpoint(config("otel.exporter.otlp.endpoint", "http://gw/otlp/")).toString());
  }

  @Test
  void tracesEndpointIsUsedAsGiven() {
    assertEquals("http://c:1234/custom", OtlpHttpExporter.endpoint(config(
        "otel.exporter.otlp.endpoint", "http://ignored:4318",
        "otel.exporter.otlp.traces.endpoint", "http://c:1234/custom")).toString());
  }

  @Test
  void signalSpecificSettingsWinKeyByKey() {
    Config c = config(
        "otel.exporter.otlp.compression", "none", "otel.exporter.otlp.traces.compression", "gzip",
        "otel.exporter.otlp.timeout", "3s", "otel.exporter.otlp.traces.timeout", "1500",
        "otel.exporter.otlp.headers", "a=1", "otel.exporter.otlp.traces.headers", "b=2",
        "otel.exporter.otlp.protocol", "http/protobuf", "otel.exporter.otlp.traces.protocol", "http/json");
    HttpSender.Settings s = OtlpHttpExporter.settings(c, 30_000);
    assertTrue(s.gzip());
    assertEquals(1500, s.timeoutMillis());
    assertEquals(java.util.Set.of("b"), s.headerNames());
    assertEquals(OtlpHttpExporter.Protocol.HTTP_JSON, OtlpHttpExporter.protocol(c));
    assertEquals(3000, OtlpHttpExporter.settings(config("otel.exporter.otlp.timeout", "3s"), 30_000).timeoutMillis());
    assertEquals(2000, OtlpHttpExporter.settings(config("otel.exporter.otlp.timeout", "3s"), 2000).timeoutMillis(),
        "otel.bsp.export.timeout caps one attempt");
  }

  @Test
  void unsupportedOrInvalidValuesFallBackToDefaults() {
    assertEquals(OtlpHttpExporter.Protocol.HTTP_PROTOBUF,
        OtlpHttpExporter.protocol(config("otel.exporter.otlp.protocol", "grpc")));
    assertEquals(OtlpHttpExporter.Protocol.HTTP_PROTOBUF,
        OtlpHttpExporter.protocol(config("otel.exporter.otlp.protocol", "carrier-pigeon")));
    HttpSender.Settings s = OtlpHttpExporter.settings(config("otel.exporter.otlp.compression", "brotli",
        "otel.exporter.otlp.endpoint", "localhost:4318", "otel.exporter.otlp.timeout", "-5"), 30_000);
    assertFalse(s.gzip());
    assertEquals("http://localhost:4318/v1/traces", s.url().toString());
    assertEquals(10_000, s.timeoutMillis());
  }

  @Test
  void credentialsInTheUrlAreNotShownInLogs() {
    HttpSender.Settings s = OtlpHttpExporter.settings(config("otel.exporter.otlp.traces.endpoint",
        "https://user:pw@collector:4318/v1/traces?api_key=k"), 30_000);
    assertEquals("https://collector:4318/v1/traces", s.displayUrl());
  }

  @Test
  void zipkinDefaultsAndEndpoint() {
    HttpSender.Settings d = ZipkinSpanExporter.settings(config(), 30_000);
    assertEquals("http://localhost:9411/api/v2/spans", d.url().toString());
    assertTrue(d.gzip());
    HttpSender.Settings s = ZipkinSpanExporter.settings(config("otel.exporter.zipkin.endpoint",
        "http://zipkin:9411/api/v2/spans", "otel.exporter.zipkin.timeout", "2s"), 30_000);
    assertEquals("http://zipkin:9411/api/v2/spans", s.url().toString());
    assertEquals(2000, s.timeoutMillis());
  }
}
