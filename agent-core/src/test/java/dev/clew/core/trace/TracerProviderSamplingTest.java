package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.context.Context;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.propagation.TextMapGetter;
import dev.clew.core.propagation.TextMapPropagator;
import dev.clew.core.sampling.AlwaysOffSampler;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.sampling.ParentBasedSampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sampling where spans start: upstream decisions, and what a sampled-out span still does. */
class TracerProviderSamplingTest {
  static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<Map<String, String>>() {
    @Override
    public Iterable<String> keys(Map<String, String> c) {
      return c.keySet();
    }

    @Override
    public String get(Map<String, String> c, String key) {
      for (Map.Entry<String, String> e : c.entrySet()) {
        if (e.getKey().equalsIgnoreCase(key)) {
          return e.getValue();
        }
      }
      return null;
    }
  };

  final List<RecordingSpan> ended = new ArrayList<>();
  final ExportStats stats = new ExportStats();

  /** A provider and the propagator configured beside it, as the agent sets them up. */
  record Tracing(TracerProvider provider, TextMapPropagator propagator) {
    Tracer tracer(String name) {
      return provider.tracer(name);
    }
  }

  Tracing provider(Sampler sampler, String propagators) {
    SpanProcessor collect = new SpanProcessor() {
      @Override
      public void onEnd(RecordingSpan span) {
        ended.add(span);
      }
    };
    TextMapPropagator p = Propagators.fromConfig(dev.clew.core.config.Config.of(
        Collections.singletonMap("otel.propagators", propagators)));
    return new Tracing(new TracerProvider(new Resource(Attributes.unlimited()), sampler, SpanLimits.defaults(),
        Collections.singletonList(collect), stats), p);
  }

  Span serverSpan(Tracing provider, String... headers) {
    Map<String, String> carrier = new HashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      carrier.put(headers[i], headers[i + 1]);
    }
    Context parent = provider.propagator().extract(Context.root(), carrier, GETTER);
    return provider.tracer("test").spanBuilder("server").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
  }

  @Test
  void b3SamplingOnlyHeaderStartsANewTraceThatFollowsTheDecision() {
    Tracing p = provider(new ParentBasedSampler(AlwaysOnSampler.INSTANCE), "b3");
    Span denied = serverSpan(p, "b3", "0");
    assertTrue(denied.spanContext().isValid(), "a new trace");
    assertFalse(denied.isRecording());
    assertFalse(denied.spanContext().isSampled());

    Tracing off = provider(new ParentBasedSampler(AlwaysOffSampler.INSTANCE), "b3multi");
    assertTrue(serverSpan(off, "X-B3-Sampled", "1").isRecording());
    assertTrue(serverSpan(off, "X-B3-Flags", "1").isRecording(), "debug");
    assertFalse(serverSpan(off, "X-B3-Sampled", "true").spanContext().isRemote());
  }

  @Test
  void deferredB3LetsTheRootSamplerDecide() {
    String ids = "463ac35c9f6413ad48485a3953bb6124-e457b5a2e4d86bd1";
    assertTrue(serverSpan(provider(new ParentBasedSampler(AlwaysOnSampler.INSTANCE), "b3"), "b3", ids).isRecording());
    assertFalse(serverSpan(provider(new ParentBasedSampler(AlwaysOffSampler.INSTANCE), "b3"), "b3", ids)
        .isRecording());
    Span child = serverSpan(provider(new ParentBasedSampler(AlwaysOnSampler.INSTANCE), "b3"), "b3", ids);
    assertEquals("463ac35c9f6413ad48485a3953bb6124", child.spanContext().traceIdHex());
  }

  @Test
  void aSampledOutSpanStillPropagatesItsTrace() {
    Tracing p = provider(new ParentBasedSampler(AlwaysOnSampler.INSTANCE), "tracecontext,b3multi");
    String trace = "0af7651916cd43dd8448eb211c80319c";
    Span server = serverSpan(p, "traceparent", "00-" + trace + "-b7ad6b7169203331-00");
    assertFalse(server.isRecording());
    assertTrue(server instanceof NonRecordingSpan);
    Span client = p.tracer("test").spanBuilder("client").setParent(Context.root().with(server))
        .setAttribute("http.request.method", "GET").startSpan();
    assertTrue(client instanceof NonRecordingSpan);
    assertNotEquals(server.spanContext().spanId(), client.spanContext().spanId(), "a span id of its own");
    Map<String, String> out = new HashMap<>();
    p.propagator().inject(Context.root().with(client), out, Map::put);
    assertEquals("00-" + trace + "-" + client.spanContext().spanIdHex() + "-00", out.get("traceparent"));
    assertEquals(trace, out.get("X-B3-TraceId"));
    assertEquals("0", out.get("X-B3-Sampled"));
    client.end();
    server.end();
    assertTrue(ended.isEmpty());
    assertEquals(0, stats.startedCount(), "processors never see sampled-out spans");
  }
}
