package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.AgentStarter;
import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.export.memory.InMemorySpanSink;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tail sampler as the agent wires it: in front of the exporters' processors (here the in-memory sink). */
class TailSamplingEndToEndTest {
  static final long MS = 1_000_000L;

  @Test
  void onlyErrorAndSlowTracesReachTheExporter() throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("otel.traces.exporter", "none");
    settings.put("clew.testing.sink", "true");
    settings.put("clew.tail.enabled", "true");
    settings.put("clew.tail.keep.ratio", "0");
    settings.put("clew.tail.latency.threshold", "500ms");
    TracerProvider provider = AgentStarter.createTracerProvider(Config.of(settings));
    assertSame(AlwaysOnSampler.INSTANCE, provider.sampler());
    assertEquals(1, provider.processors().size());
    assertTrue(provider.processors().get(0) instanceof TailSamplingProcessor);
    InMemorySpanSink.clear();

    Tracer tracer = provider.tracer("e2e");
    long t0 = System.currentTimeMillis() * MS;
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      String kind = i % 3 == 0 ? "error" : i % 3 == 1 ? "slow" : "normal";
      Span root = tracer.spanBuilder(kind).setNoParent().setStartTimestamp(t0).startSpan();
      Span child = tracer.spanBuilder("child").setParent(Context.root().with(root)).startSpan();
      if (kind.equals("error")) {
        child.setStatus(StatusCode.ERROR, "boom");
      }
      child.end();
      root.end(t0 + (kind.equals("slow") ? 600 : 10) * MS);
      if (!kind.equals("normal")) {
        expected.merge(kind, 1, Integer::sum);
        expected.merge("child", 1, Integer::sum);
      }
    }
    Map<String, Integer> exported = new HashMap<>();
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(InMemorySpanSink.drainOtlpProtobuf());
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) {
          exported.merge(s.getName(), 1, Integer::sum);
        }
      }
    }
    assertEquals(expected, exported);
    provider.shutdown(1000);
  }
}
