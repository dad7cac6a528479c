package dev.clew.core.export.zipkin;

import dev.clew.core.config.Config;
import dev.clew.core.export.http.HttpExporterConfig;
import dev.clew.core.export.http.HttpSender;
import dev.clew.core.export.http.HttpSpanExporter;
import java.util.Collections;

/**
 * The Zipkin v2 exporter ({@code otel.traces.exporter=zipkin}): JSON to
 * {@code otel.exporter.zipkin.endpoint}, gzip-compressed as Zipkin's own senders do.
 */
public final class ZipkinSpanExporter {
  public static final String DEFAULT_ENDPOINT = "http://localhost:9411/api/v2/spans";

  private ZipkinSpanExporter() {}

  public static HttpSpanExporter fromConfig(Config config, long exportBudgetMillis) {
    return new HttpSpanExporter("zipkin", new ZipkinSpanEncoder(),
        new HttpSender("zipkin", settings(config, exportBudgetMillis)), null);
  }

  public static HttpSender.Settings settings(Config config, long exportBudgetMillis) {
    HttpExporterConfig c = new HttpExporterConfig(config, null, "otel.exporter.zipkin");
    String endpoint = config.getHttpUrl("otel.exporter.zipkin.endpoint", DEFAULT_ENDPOINT);
    return new HttpSender.Settings(HttpExporterConfig.url(endpoint),
        Collections.<String, String>emptyMap(), c.gzip(true),
        (int) Math.min(Integer.MAX_VALUE, c.millis("timeout", 10_000)), null, exportBudgetMillis);
  }
}
