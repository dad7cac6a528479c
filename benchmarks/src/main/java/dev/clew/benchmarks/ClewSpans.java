package dev.clew.benchmarks;

import dev.clew.core.context.Context;
import dev.clew.core.export.ExportResult;
import dev.clew.core.export.SpanExporter;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The recipe's spans made by clew's tracer. */
final class ClewSpans {
  private ClewSpans() {}

  static TracerProvider provider(SpanProcessor processor) {
    Resource resource = new Resource(Attributes.of("service.name", "orders", "host.name", "bench-host",
        "telemetry.sdk.language", "java", "process.pid", 4242L));
    return new TracerProvider(resource, AlwaysOnSampler.INSTANCE, SpanLimits.defaults(), List.of(processor), new ExportStats());
  }

  static List<SpanData> batch() {
    List<SpanData> out = new ArrayList<>();
    TracerProvider provider = provider(out::add);
    Tracer http = provider.tracer("clew.servlet");
    Tracer jdbc = provider.tracer("clew.jdbc");
    for (int pair = 0; pair < SpanRecipe.BATCH / 2; pair++) {
      Span server = startServer(http, SpanRecipe.path(pair));
      Span client = jdbc.spanBuilder(SpanRecipe.CLIENT_NAME).setSpanKind(SpanKind.CLIENT)
          .setParent(Context.root().with(server))
          .setAttribute("db.system.name", "postgresql")
          .setAttribute("db.namespace", "shop")
          .setAttribute("db.query.text", "SELECT * FROM orders WHERE id = ?")
          .setAttribute("server.address", "db.internal")
          .setAttribute("server.port", 5432L)
          .startSpan();
      if (SpanRecipe.failed(pair)) {
        client.addEvent("exception", Attributes.of("exception.type", "java.lang.IllegalStateException",
            "exception.message", "connection reset", "exception.stacktrace", SpanRecipe.STACK));
        client.setStatus(StatusCode.ERROR, "connection reset");
      }
      client.end();
      server.setAttribute("http.response.status_code", SpanRecipe.failed(pair) ? 500L : 200L);
      server.end();
    }
    return out;
  }

  static Span startServer(Tracer tracer, String path) {
    return tracer.spanBuilder(SpanRecipe.SERVER_NAME).setSpanKind(SpanKind.SERVER).setNoParent()
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.path", path)
        .setAttribute("url.scheme", "http")
        .setAttribute("http.route", "/api/orders/{id}")
        .setAttribute("server.address", "orders.internal")
        .setAttribute("server.port", 8080L)
        .setAttribute("network.protocol.version", "1.1")
        .setAttribute("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) bench")
        .startSpan();
  }

  /** Accepts and drops every batch. */
  static final class NoopExporter implements SpanExporter {
    @Override
    public ExportResult export(Collection<SpanData> spans) {
      return ExportResult.SUCCESS;
    }

    @Override
    public String name() {
      return "noop";
    }
  }

  /** Does nothing with ended spans: measures the tracer alone. */
  static final class NoopProcessor implements SpanProcessor {
    @Override
    public void onEnd(RecordingSpan span) {}
  }
}
