package dev.clew.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The recipe's spans made by the OpenTelemetry SDK. */
final class OtelSpans {
  private OtelSpans() {}

  static SdkTracerProvider provider(SpanProcessor processor) {
    Resource resource = Resource.create(Attributes.builder().put("service.name", "orders")
        .put("host.name", "bench-host").put("telemetry.sdk.language", "java").put("process.pid", 4242L).build());
    return SdkTracerProvider.builder().setResource(resource).setSampler(Sampler.alwaysOn())
        .addSpanProcessor(processor).build();
  }

  static List<SpanData> batch() {
    List<SpanData> out = new ArrayList<>();
    SpanExporter collect = new NoopExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        out.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }
    };
    SdkTracerProvider provider = provider(SimpleSpanProcessor.create(collect));
    Tracer http = provider.get("clew.servlet", "0.1.0-SNAPSHOT");
    Tracer jdbc = provider.get("clew.jdbc", "0.1.0-SNAPSHOT");
    for (int pair = 0; pair < SpanRecipe.BATCH / 2; pair++) {
      Span server = startServer(http, SpanRecipe.path(pair));
      Span client = jdbc.spanBuilder(SpanRecipe.CLIENT_NAME).setSpanKind(SpanKind.CLIENT)
          .setParent(Context.root().with(server))
          .setAttribute("db.system.name", "postgresql")
          .setAttribute("db.namespace", "shop")
          .setAttribute("db.query.text", "SELECT * FROM orders WHERE id = ?")
          .setAttribute("server.address", "db.internal")
          .setAttribute(AttributeKey.longKey("server.port"), 5432L)
          .startSpan();
      if (SpanRecipe.failed(pair)) {
        client.addEvent("exception", Attributes.builder()
            .put("exception.type", "java.lang.IllegalStateException")
            .put("exception.message", "connection reset")
            .put("exception.stacktrace", SpanRecipe.STACK).build());
        client.setStatus(StatusCode.ERROR, "connection reset");
      }
      client.end();
      server.setAttribute(AttributeKey.longKey("http.response.status_code"), SpanRecipe.failed(pair) ? 500L : 200L);
      server.end();
    }
    provider.close();
    return out;
  }

  static Span startServer(Tracer tracer, String path) {
    return tracer.spanBuilder(SpanRecipe.SERVER_NAME).setSpanKind(SpanKind.SERVER).setNoParent()
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.path", path)
        .setAttribute("url.scheme", "http")
        .setAttribute("http.route", "/api/orders/{id}")
        .setAttribute("server.address", "orders.internal")
        .setAttribute(AttributeKey.longKey("server.port"), 8080L)
        .setAttribute("network.protocol.version", "1.1")
        .setAttribute("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) bench")
        .startSpan();
  }

  /** Does nothing with ended spans: measures the tracer alone. */
  static final class NoopProcessor implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, io.opentelemetry.sdk.trace.ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(io.opentelemetry.sdk.trace.ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  /** Accepts and drops every batch. */
  static class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
