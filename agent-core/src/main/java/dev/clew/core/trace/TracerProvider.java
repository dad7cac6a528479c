package dev.clew.core.trace;

import dev.clew.core.context.Context;
import dev.clew.core.log.AgentLog;
import dev.clew.core.util.AgentThread;
import dev.clew.core.util.AgentVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owns what every span shares: resource, sampler, limits, clock and processors. (The propagator is not
 * the tracer's business: instrumentation takes it from {@code Propagators.global()}.)
 * {@link #global()} is the one the agent installed; before that (and when the agent is disabled)
 * it is a provider that records nothing.
 */
public final class TracerProvider {
  // the provider in place before the agent starts: spans carry new ids but record nothing
  private static final Sampler NOTHING_SAMPLED = (parent, hi, lo, name, kind) -> SamplingDecision.DROP;
  private static volatile TracerProvider global = noop();

  private final Resource resource;
  private final Sampler sampler;
  private final SpanLimits limits;
  private final SpanProcessor[] processors;
  private final ExportStats stats;
  private final Clock clock = Clock.get();
  private final ConcurrentHashMap<String, Tracer> tracers = new ConcurrentHashMap<>();
  // tracers the application asked for through the OpenTelemetry API: their own scope name and version
  private final ConcurrentHashMap<String, Tracer> scopedTracers = new ConcurrentHashMap<>();
  private boolean threadDetails; // written before the provider is published (setGlobal is a volatile write)

  public TracerProvider(Resource resource, Sampler sampler, SpanLimits limits, List<SpanProcessor> processors,
      ExportStats stats) {
    this.resource = resource;
    this.sampler = sampler;
    this.limits = limits;
    this.processors = processors.toArray(new SpanProcessor[0]);
    this.stats = stats;
  }

  public static TracerProvider noop() {
    return new TracerProvider(new Resource(Attributes.unlimited()), NOTHING_SAMPLED, SpanLimits.defaults(),
        Collections.<SpanProcessor>emptyList(), new ExportStats());
  }

  public static TracerProvider global() {
    return global;
  }

  public static void setGlobal(TracerProvider provider) {
    global = provider;
  }

  /** The tracer of an instrumentation scope, e.g. {@code tracer("clew.jdbc")}; cached. */
  public Tracer tracer(String scopeName) {
    Tracer t = tracers.get(scopeName);
    if (t == null) {
      t = tracers.computeIfAbsent(scopeName,
          n -> new Tracer(this, new InstrumentationScope(n, AgentVersion.VERSION)));
    }
    return t;
  }

  /**
   * The tracer of another instrumentation scope than clew's own, e.g. the one an application names in
   * {@code GlobalOpenTelemetry.getTracer("shop", "1.2")}; cached. The version may be null.
   */
  public Tracer tracer(String scopeName, String scopeVersion) {
    String key = scopeVersion == null ? scopeName : scopeName + '\u0000' + scopeVersion;
    Tracer t = scopedTracers.get(key);
    if (t == null) {
      t = scopedTracers.computeIfAbsent(key, k -> new Tracer(this, new InstrumentationScope(scopeName, scopeVersion)));
    }
    return t;
  }

  /**
   * Whether recorded spans get {@code thread.id} and {@code thread.name} of the thread that starts them
   * ({@code otel.javaagent.add-thread-details}); off for a provider built directly, as in tests.
   */
  public TracerProvider recordThreadDetails(boolean on) {
    this.threadDetails = on;
    return this;
  }

  /** @param attributes the attributes given to the builder, or null (allocated here only if recording) */
  Span startSpan(InstrumentationScope scope, String name, SpanKind kind, Context parentContext,
      Attributes attributes, List<SpanLink> links, int droppedLinks, long startEpochNanos) {
    if (AgentThread.isCurrent()) {
      return NonRecordingSpan.INVALID; // the exporter's own HTTP calls are not traced
    }
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    long hi;
    long lo;
    TraceState traceState;
    if (parent.isValid()) {
      hi = parent.traceIdHigh();
      lo = parent.traceIdLow();
      traceState = parent.traceState();
    } else {
      hi = Ids.randomNonZero();
      lo = Ids.randomNonZero();
      traceState = TraceState.EMPTY;
      parent = SpanContext.INVALID;
    }
    long spanId = Ids.randomNonZero();
    SamplingDecision decision;
    try {
      decision = sampler.shouldSample(parent, parentContext.get(SamplingFlags.KEY), hi, lo, name, kind);
    } catch (Throwable t) {
      AgentLog.warnThrottled("sampler", "sampler " + sampler.description() + " failed: " + t);
      decision = SamplingDecision.DROP;
    }
    byte flags = decision.isSampled() ? SpanContext.FLAG_SAMPLED : 0;
    SpanContext context = SpanContext.create(hi, lo, spanId, flags, traceState);
    if (!decision.isRecording()) {
      return new NonRecordingSpan(context); // only what propagation needs: no attributes, clock or processors
    }
    if (attributes == null) {
      attributes = new Attributes(limits.maxAttributes, limits.maxAttributeValueLength);
    }
    if (threadDetails) {
      ThreadDetails.addTo(attributes);
    }
    long start = startEpochNanos > 0 ? startEpochNanos : clock.now();
    RecordingSpan span = new RecordingSpan(this, scope, context, parent, name, kind, start, attributes, links,
        droppedLinks);
    stats.started();
    for (SpanProcessor p : processors) {
      try {
        p.onStart(parentContext, span);
      } catch (Throwable t) {
        AgentLog.warnThrottled("processor-start", "span processor failed on start: " + t);
      }
    }
    return span;
  }

  void onEnd(RecordingSpan span) {
    stats.ended();
    for (SpanProcessor p : processors) {
      try {
        p.onEnd(span);
      } catch (Throwable t) {
        AgentLog.warnThrottled("processor-end", "span processor failed on end: " + t);
      }
    }
  }

  public Resource resource() {
    return resource;
  }

  public Sampler sampler() {
    return sampler;
  }

  public SpanLimits limits() {
    return limits;
  }

  public Clock clock() {
    return clock;
  }

  public ExportStats stats() {
    return stats;
  }

  public List<SpanProcessor> processors() {
    List<SpanProcessor> list = new ArrayList<>();
    Collections.addAll(list, processors);
    return list;
  }

  /** Flushes every processor, sharing the time budget; returns whether all flushed in time. */
  public boolean forceFlush(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    boolean ok = true;
    for (SpanProcessor p : processors) {
      ok &= p.forceFlush(Math.max(0, deadline - System.currentTimeMillis()));
    }
    return ok;
  }

  public void shutdown(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (SpanProcessor p : processors) {
      try {
        p.shutdown(Math.max(0, deadline - System.currentTimeMillis()));
      } catch (Throwable t) {
        AgentLog.warn("span processor failed to shut down: " + t);
      }
    }
  }
}
