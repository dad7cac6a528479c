package dev.clew.core.sampling;

import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.StatusCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local tail sampling ({@code clew.tail.enabled=true}): holds the ended spans of each trace until its
 * local root span (a span without a parent in this process) ends, then hands the whole local trace to
 * the real processors if any span has ERROR status or the root lasted longer than
 * {@code clew.tail.latency.threshold}; other traces are kept with {@code clew.tail.keep.ratio},
 * decided on the trace id as {@code traceidratio} does (so services with the same ratio agree).
 *
 * <p>It decides per process: it sees only the spans of this JVM, not what other services did in the
 * same trace. A trace known to be kept (an error span ended) is forwarded at once, without waiting for
 * the root. Memory is bounded by {@code clew.tail.max.spans} buffered spans: past it a span is dropped
 * and counted; a trace whose root has not ended after {@code clew.tail.max.wait} is decided with what
 * has arrived. Spans ending after their trace was decided follow the decision (remembered for the
 * last {@value #DECISIONS_REMEMBERED} traces, else decided alone by error/ratio).
 */
public final class TailSamplingProcessor implements SpanProcessor {
  static final int DECISIONS_REMEMBERED = 4096;
  private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

  private final SpanProcessor[] delegates;
  private final long thresholdNanos;
  private final TraceIdRatioSampler normalTraces;
  private final int maxSpans;
  private final long maxWaitNanos;
  private final ConcurrentHashMap<TraceKey, LocalTrace> pending = new ConcurrentHashMap<>();
  private final AtomicInteger buffered = new AtomicInteger();
  private final Map<TraceKey, Boolean> decided = new LinkedHashMap<TraceKey, Boolean>(64, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<TraceKey, Boolean> eldest) {
      return size() > DECISIONS_REMEMBERED;
    }
  };
  private final AtomicLong keptTraces = new AtomicLong();
  private final AtomicLong droppedTraces = new AtomicLong();
  private final AtomicLong overflowSpans = new AtomicLong();
  private final AtomicLong expiredTraces = new AtomicLong();
  private final AtomicLong nextSweep;

  public TailSamplingProcessor(List<SpanProcessor> delegates, long latencyThresholdMillis, double keepRatio,
      int maxSpans, long maxWaitMillis) {
    this.delegates = delegates.toArray(new SpanProcessor[0]);
    this.thresholdNanos = latencyThresholdMillis * 1_000_000L;
    this.normalTraces = new TraceIdRatioSampler(keepRatio);
    this.maxSpans = maxSpans;
    this.maxWaitNanos = maxWaitMillis * 1_000_000L;
    this.nextSweep = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL_NANOS);
  }

  public static boolean isEnabled(Config config) {
    return config.getBoolean("clew.tail.enabled", false);
  }

  /** The processors as given, or one tail sampler in front of them when {@code clew.tail.enabled=true}. */
  public static List<SpanProcessor> wrapIfEnabled(Config config, List<SpanProcessor> processors) {
    boolean enabled = isEnabled(config);
    // the settings are read even when off, so the configuration listing shows them with their defaults
    long threshold = config.getDuration("clew.tail.latency.threshold", 1000);
    double ratio = config.getRatio("clew.tail.keep.ratio", 0.1);
    int maxSpans = config.getPositiveInt("clew.tail.max.spans", 10_000);
    long maxWait = config.getPositiveDuration("clew.tail.max.wait", 60_000);
    if (!enabled) {
      return processors;
    }
    List<SpanProcessor> one = new ArrayList<>(1);
    one.add(new TailSamplingProcessor(processors, threshold, ratio, maxSpans, maxWait));
    return one;
  }

  @Override
  public void onStart(Context parent, RecordingSpan span) {
    for (SpanProcessor p : delegates) {
      try {
        p.onStart(parent, span);
      } catch (Throwable t) {
        AgentLog.warnThrottled("processor-start", "span processor failed on start: " + t);
      }
    }
    if (isLocalRoot(span)) {
      LocalTrace t = pending.computeIfAbsent(TraceKey.of(span.spanContext()), k -> new LocalTrace());
      synchronized (t) {
        t.openRoots++;
      }
    }
  }

  @Override
  public void onEnd(RecordingSpan span) {
    sweepIfDue(System.nanoTime());
    TraceKey key = TraceKey.of(span.spanContext());
    LocalTrace t = pending.get(key);
    if (t == null) {
      Boolean keep;
      synchronized (decided) {
        keep = decided.get(key);
      }
      if (keep != null) {
        if (keep) {
          forward(span);
        }
        return;
      }
      LocalTrace fresh = new LocalTrace();
      t = pending.putIfAbsent(key, fresh);
      if (t == null) {
        t = fresh;
      }
    }
    List<RecordingSpan> release = null;
    boolean root = isLocalRoot(span);
    synchronized (t) {
      if (root) {
        t.openRoots--;
      }
      if (t.decided) {
        if (t.keep) {
          release = Collections.singletonList(span);
        }
      } else {
        if (span.statusCode() == StatusCode.ERROR) {
          t.error = true;
        }
        if (root && span.endEpochNanos() - span.startEpochNanos() > thresholdNanos) {
          t.slow = true;
        }
        boolean decideNow = t.error || (root && t.openRoots <= 0);
        if (decideNow) {
          t.decided = true;
          t.keep = t.error || t.slow || normalTraces.keeps(key.lo);
          count(t.keep);
          if (t.keep) {
            t.spans.add(span);
            release = t.spans;
          }
          buffered.addAndGet(-t.bufferedCount);
          t.bufferedCount = 0;
          t.spans = new ArrayList<>(0);
        } else if (buffered.incrementAndGet() <= maxSpans) {
          t.spans.add(span);
          t.bufferedCount++;
        } else {
          buffered.decrementAndGet();
          overflowSpans.incrementAndGet();
        }
      }
      if (root && t.openRoots <= 0 && t.decided) {
        pending.remove(key, t);
        remember(key, t.keep);
      }
    }
    if (release != null) {
      for (int i = 0; i < release.size(); i++) {
        forward(release.get(i));
      }
    }
  }

  /** Decides traces whose local root has not ended within the maximum wait, so memory cannot leak. */
  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
      return;
    }
    Iterator<Map.Entry<TraceKey, LocalTrace>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<TraceKey, LocalTrace> e = it.next();
      LocalTrace t = e.getValue();
      if (now - t.createdNanos > maxWaitNanos && decideAndRelease(e.getKey(), t)) {
        expiredTraces.incrementAndGet();
      }
    }
  }

  /** Returns whether this call took the decision (the trace was still undecided). */
  private boolean decideAndRelease(TraceKey key, LocalTrace t) {
    List<RecordingSpan> release = null;
    boolean decidedHere = false;
    synchronized (t) {
      if (!t.decided) {
        decidedHere = true;
        t.decided = true;
        t.keep = t.error || t.slow || normalTraces.keeps(key.lo);
        count(t.keep);
        if (t.keep) {
          release = t.spans;
        }
        buffered.addAndGet(-t.bufferedCount);
        t.bufferedCount = 0;
        t.spans = new ArrayList<>(0);
      }
      pending.remove(key, t);
      remember(key, t.keep);
    }
    if (release != null) {
      for (int i = 0; i < release.size(); i++) {
        forward(release.get(i));
      }
    }
    return decidedHere;
  }

  private void count(boolean keep) {
    (keep ? keptTraces : droppedTraces).incrementAndGet();
  }

  private void remember(TraceKey key, boolean keep) {
    synchronized (decided) {
      decided.put(key, keep);
    }
  }

  private void forward(RecordingSpan span) {
    for (SpanProcessor p : delegates) {
      try {
        p.onEnd(span);
      } catch (Throwable t) {
        AgentLog.warnThrottled("processor-end", "span processor failed on end: " + t);
      }
    }
  }

  private static boolean isLocalRoot(RecordingSpan span) {
    SpanContext parent = span.parentSpanContext();
    return !parent.isValid() || parent.isRemote();
  }

  @Override
  public boolean forceFlush(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    boolean ok = true;
    for (SpanProcessor p : delegates) {
      ok &= p.forceFlush(Math.max(0, deadline - System.currentTimeMillis()));
    }
    return ok;
  }

  /** Decides every pending trace with what has arrived, then shuts the real processors down. */
  @Override
  public void shutdown(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (Map.Entry<TraceKey, LocalTrace> e : pending.entrySet()) {
      decideAndRelease(e.getKey(), e.getValue());
    }
    AgentLog.debug("tail sampling: " + this);
    for (SpanProcessor p : delegates) {
      try {
        p.shutdown(Math.max(0, deadline - System.currentTimeMillis()));
      } catch (Throwable t) {
        AgentLog.warn("span processor failed to shut down: " + t);
      }
    }
  }

  public long keptTraces() {
    return keptTraces.get();
  }

  public long droppedTraces() {
    return droppedTraces.get();
  }

  /** Spans dropped because {@code clew.tail.max.spans} were already buffered. */
  public long overflowSpans() {
    return overflowSpans.get();
  }

  /** Traces decided because their local root had not ended within {@code clew.tail.max.wait}. */
  public long expiredTraces() {
    return expiredTraces.get();
  }

  /** Spans held right now, waiting for their trace's decision. */
  public int bufferedSpans() {
    return buffered.get();
  }

  @Override
  public String toString() {
    return "TailSampling{kept traces=" + keptTraces + ", dropped traces=" + droppedTraces + ", overflow spans="
        + overflowSpans + ", expired traces=" + expiredTraces + ", buffered spans=" + buffered + "}";
  }

  /** The spans of one trace seen in this process; guarded by itself. */
  private static final class LocalTrace {
    final long createdNanos = System.nanoTime();
    List<RecordingSpan> spans = new ArrayList<>(4);
    int bufferedCount;
    int openRoots;
    boolean error;
    boolean slow;
    boolean decided;
    boolean keep;
  }

  private static final class TraceKey {
    final long hi;
    final long lo;

    private TraceKey(long hi, long lo) {
      this.hi = hi;
      this.lo = lo;
    }

    static TraceKey of(SpanContext c) {
      return new TraceKey(c.traceIdHigh(), c.traceIdLow());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TraceKey && ((TraceKey) o).hi == hi && ((TraceKey) o).lo == lo;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(hi) * 31 + Long.hashCode(lo);
    }
  }
}
