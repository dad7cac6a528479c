package dev.clew.core.export.otlp;

import dev.clew.core.config.Config;
import dev.clew.core.config.Redactor;
import dev.clew.core.export.SpanEncoder;
import dev.clew.core.export.http.HttpExporterConfig;
import dev.clew.core.export.http.HttpSender;
import dev.clew.core.export.http.HttpSpanExporter;
import dev.clew.core.log.AgentLog;
import java.net.URL;

/**
 * The OTLP/HTTP trace exporter ({@code otel.traces.exporter=otlp}, the default). Settings follow the
 * OpenTelemetry SDK: {@code otel.exporter.otlp.traces.*} wins over {@code otel.exporter.otlp.*} key by
 * key; the general endpoint gets {@code /v1/traces} appended, the traces endpoint is used as given.
 * gRPC is not supported: asking for it warns and uses {@code http/protobuf}.
 */
public final class OtlpHttpExporter {
  public static final String DEFAULT_ENDPOINT = "http://localhost:4318";
  static final String TRACES_PATH = "v1/traces";

  private OtlpHttpExporter() {}

  public enum Protocol {
    HTTP_PROTOBUF("http/protobuf"),
    HTTP_JSON("http/json");

    public final String configName;

    Protocol(String configName) {
      this.configName = configName;
    }
  }

  public static HttpSpanExporter fromConfig(Config config, long exportBudgetMillis) {
    Protocol protocol = protocol(config);
    SpanEncoder encoder = OtlpEncoders.forProtocol(protocol);
    HttpSender sender = new HttpSender("otlp", settings(config, exportBudgetMillis));
    return new HttpSpanExporter("otlp", encoder, sender, new PartialSuccessLogger());
  }

  static HttpExporterConfig traceConfig(Config config) {
    return new HttpExporterConfig(config, "otel.exporter.otlp.traces", "otel.exporter.otlp");
  }

  public static Protocol protocol(Config config) {
    HttpExporterConfig c = traceConfig(config);
    String v = c.oneOf("protocol", Protocol.HTTP_PROTOBUF.configName, "http/protobuf", "http/json", "grpc");
    if ("grpc".equals(v)) {
      AgentLog.warn(c.key("protocol") + "=grpc is not supported by clew; using http/protobuf (set the endpoint to "
          + "the collector's OTLP/HTTP port, usually 4318)");
      return Protocol.HTTP_PROTOBUF;
    }
    return "http/json".equals(v) ? Protocol.HTTP_JSON : Protocol.HTTP_PROTOBUF;
  }

  /** Where and how to send, from configuration. */
  public static HttpSender.Settings settings(Config config, long exportBudgetMillis) {
    HttpExporterConfig c = traceConfig(config);
    return new HttpSender.Settings(endpoint(config), c.headers(), c.gzip(false),
        (int) Math.min(Integer.MAX_VALUE, c.millis("timeout", 10_000)), c.trust(), exportBudgetMillis);
  }

  static URL endpoint(Config config) {
    String base = config.getHttpUrl("otel.exporter.otlp.endpoint", DEFAULT_ENDPOINT);
    String fromBase = base.endsWith("/") ? base + TRACES_PATH : base + "/" + TRACES_PATH;
    config.declare("otel.exporter.otlp.traces.endpoint", ""); // no default of its own: the general one's
    return HttpExporterConfig.url(config.getHttpUrl("otel.exporter.otlp.traces.endpoint", fromBase));
  }

  /** Logs a partial success (spans the backend rejected) at most once a minute, with the count. */
  static final class PartialSuccessLogger implements HttpSpanExporter.ResponseHandler {
    @Override
    public void onSuccess(HttpSender.Result result, int spanCount) {
      OtlpPartialSuccess p = OtlpPartialSuccess.parse(result.body, result.contentType);
      if (p != null) {
        AgentLog.warnThrottled("export-otlp-partial-success", "exporter otlp: the backend rejected "
            + p.rejectedSpans + " of " + spanCount + " spans"
            + (p.errorMessage.isEmpty() ? "" : ": " + Redactor.DEFAULT.excerpt(p.errorMessage)));
      }
    }
  }
}
