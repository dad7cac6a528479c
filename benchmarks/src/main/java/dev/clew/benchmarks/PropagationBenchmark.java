package dev.clew.benchmarks;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.propagation.TextMapGetter;
import dev.clew.core.propagation.TextMapPropagator;
import dev.clew.core.propagation.TextMapSetter;
import dev.clew.core.propagation.W3CBaggagePropagator;
import dev.clew.core.propagation.W3CTraceContextPropagator;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import io.opentelemetry.api.trace.TraceFlags;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a server pays to read the incoming headers and a client to write them: W3C {@code traceparent} +
 * {@code tracestate}, and W3C {@code baggage} (two entries, one with a property), each side by side with
 * the OpenTelemetry API's propagators, on a {@code HashMap} carrier (the carrier's own cost is the same).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PropagationBenchmark {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String TRACESTATE = "vendor=opaque,other@tenant=x";
  private static final String BAGGAGE = "user=ann,tier=gold;ttl=30";

  private static final TextMapGetter<Map<String, String>> CLEW_GETTER = new TextMapGetter<Map<String, String>>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key);
    }
  };
  private static final TextMapSetter<Map<String, String>> CLEW_SETTER = Map::put;
  private static final io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> OTEL_GETTER =
      new io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>>() {
        @Override
        @SuppressWarnings("deprecation") // required by the interface in the SDK version benchmarked
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };
  private static final io.opentelemetry.context.propagation.TextMapSetter<Map<String, String>> OTEL_SETTER =
      (carrier, key, value) -> carrier.put(key, value);

  private final TextMapPropagator clewTrace = W3CTraceContextPropagator.INSTANCE;
  private final TextMapPropagator clewBaggage = W3CBaggagePropagator.INSTANCE;
  private final io.opentelemetry.context.propagation.TextMapPropagator otelTrace =
      io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance();
  private final io.opentelemetry.context.propagation.TextMapPropagator otelBaggage =
      io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator.getInstance();

  private final Map<String, String> incomingTrace = new HashMap<>();
  private final Map<String, String> incomingBaggage = new HashMap<>();
  private final Map<String, String> outgoing = new HashMap<>();
  private final Context clewContext;
  private final io.opentelemetry.context.Context otelContext;

  public PropagationBenchmark() {
    incomingTrace.put("traceparent", TRACEPARENT);
    incomingTrace.put("tracestate", TRACESTATE);
    incomingBaggage.put("baggage", BAGGAGE);
    SpanContext sc = SpanContext.create(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
        SpanContext.FLAG_SAMPLED, TraceState.ofValidated(Arrays.asList("vendor", "opaque", "other@tenant", "x")));
    clewContext = Baggage.empty().with("user", "ann").with("tier", "gold", "ttl=30")
        .storeIn(Context.root().with(Span.wrap(sc)));
    io.opentelemetry.api.trace.SpanContext osc = io.opentelemetry.api.trace.SpanContext.create(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
        io.opentelemetry.api.trace.TraceState.builder().put("vendor", "opaque").put("other@tenant", "x").build());
    io.opentelemetry.api.baggage.Baggage ob = io.opentelemetry.api.baggage.Baggage.builder().put("user", "ann")
        .put("tier", "gold", io.opentelemetry.api.baggage.BaggageEntryMetadata.create("ttl=30")).build();
    otelContext = io.opentelemetry.context.Context.root().with(io.opentelemetry.api.trace.Span.wrap(osc)).with(ob);
  }

  @Benchmark
  public Object clewExtractTraceContext() {
    return clewTrace.extract(Context.root(), incomingTrace, CLEW_GETTER);
  }

  @Benchmark
  public Object otelExtractTraceContext() {
    return otelTrace.extract(io.opentelemetry.context.Context.root(), incomingTrace, OTEL_GETTER);
  }

  @Benchmark
  public Object clewInjectTraceContext() {
    clewTrace.inject(clewContext, outgoing, CLEW_SETTER);
    return outgoing;
  }

  @Benchmark
  public Object otelInjectTraceContext() {
    otelTrace.inject(otelContext, outgoing, OTEL_SETTER);
    return outgoing;
  }

  @Benchmark
  public Object clewExtractBaggage() {
    return clewBaggage.extract(Context.root(), incomingBaggage, CLEW_GETTER);
  }

  @Benchmark
  public Object otelExtractBaggage() {
    return otelBaggage.extract(io.opentelemetry.context.Context.root(), incomingBaggage, OTEL_GETTER);
  }

  @Benchmark
  public Object clewInjectBaggage() {
    clewBaggage.inject(clewContext, outgoing, CLEW_SETTER);
    return outgoing;
  }

  @Benchmark
  public Object otelInjectBaggage() {
    otelBaggage.inject(otelContext, outgoing, OTEL_SETTER);
    return outgoing;
  }
}
