package dev.clew.core.trace;

import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_MESSAGE;
import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_STACKTRACE;
import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_TYPE;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sampled-in span that collects data until it ends, then serves as its own {@link SpanData}: no copy
 * is made at end. Mutations are guarded by {@code this}; after {@link #end()} the span is frozen and
 * handed to the processors exactly once.
 */
public final class RecordingSpan implements Span, SpanData {
  private final SpanContext spanContext;
  private final SpanContext parent;
  private final SpanKind kind;
  private final long startEpochNanos;
  private final TracerProvider provider;
  private final InstrumentationScope scope;
  private final Attributes attributes;
  private List<SpanLink> links;
  private int droppedLinks;

  private String name;
  private List<SpanEvent> events = Collections.emptyList();
  private int droppedEvents;
  private StatusCode status = StatusCode.UNSET;
  private String statusDescription;
  private long endEpochNanos;
  private boolean ended;

  RecordingSpan(TracerProvider provider, InstrumentationScope scope, SpanContext spanContext, SpanContext parent,
      String name, SpanKind kind, long startEpochNanos, Attributes attributes, List<SpanLink> links, int droppedLinks) {
    this.provider = provider;
    this.scope = scope;
    this.spanContext = spanContext;
    this.parent = parent;
    this.name = name;
    this.kind = kind;
    this.startEpochNanos = startEpochNanos;
    this.attributes = attributes;
    this.links = links;
    this.droppedLinks = droppedLinks;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    synchronized (this) {
      return !ended;
    }
  }

  @Override
  public Span setAttribute(String key, String value) {
    synchronized (this) {
      if (!ended) {
        attributes.put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    synchronized (this) {
      if (!ended) {
        attributes.put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    synchronized (this) {
      if (!ended) {
        attributes.put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    synchronized (this) {
      if (!ended) {
        attributes.put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span setAttribute(String key, Object value) {
    synchronized (this) {
      if (!ended) {
        attributes.put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span addEvent(String eventName, Attributes eventAttributes) {
    return addEvent(eventName, eventAttributes, provider.clock().now());
  }

  @Override
  public Span addEvent(String eventName, Attributes eventAttributes, long epochNanos) {
    long now = epochNanos > 0 ? epochNanos : provider.clock().now();
    SpanLimits limits = provider.limits();
    Attributes limited = new Attributes(limits.maxAttributesPerEvent, limits.maxAttributeValueLength);
    if (eventAttributes != null) {
      limited.putAll(eventAttributes);
    }
    SpanEvent event = new SpanEvent(eventName, now, limited);
    synchronized (this) {
      if (ended) {
        return this;
      }
      if (events.size() >= limits.maxEvents) {
        droppedEvents++;
        return this;
      }
      if (events.isEmpty()) {
        events = new ArrayList<>(2);
      }
      events.add(event);
    }
    return this;
  }

  @Override
  public Span addLink(SpanContext context, Attributes linkAttributes) {
    if (context == null || !context.isValid()) {
      return this;
    }
    SpanLimits limits = provider.limits();
    Attributes a = new Attributes(limits.maxAttributesPerLink, limits.maxAttributeValueLength);
    if (linkAttributes != null) {
      a.putAll(linkAttributes);
    }
    synchronized (this) {
      if (ended) {
        return this;
      }
      if (links.size() >= limits.maxLinks) {
        droppedLinks++;
        return this;
      }
      List<SpanLink> more = new ArrayList<>(links.size() + 1); // the builder's list is unmodifiable
      more.addAll(links);
      more.add(new SpanLink(context, a));
      links = Collections.unmodifiableList(more);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable t) {
    return recordException(t, null);
  }

  @Override
  public Span recordException(Throwable t, Attributes attributes) {
    if (t == null) {
      return this;
    }
    Attributes a = Attributes.unlimited();
    a.put(EXCEPTION_TYPE, t.getClass().getName());
    if (t.getMessage() != null) {
      a.put(EXCEPTION_MESSAGE, t.getMessage());
    }
    if (attributes == null || attributes.get(EXCEPTION_STACKTRACE) == null) {
      StringWriter sw = new StringWriter();
      t.printStackTrace(new PrintWriter(sw));
      a.put(EXCEPTION_STACKTRACE, sw.toString());
    }
    if (attributes != null) {
      a.putAll(attributes);
    }
    return addEvent("exception", a);
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    synchronized (this) {
      // OK is final; UNSET never overrides a status that was set
      if (ended || code == null || status == StatusCode.OK || code == StatusCode.UNSET) {
        return this;
      }
      status = code;
      statusDescription = code == StatusCode.ERROR ? description : null;
    }
    return this;
  }

  @Override
  public Span updateName(String newName) {
    synchronized (this) {
      if (!ended && newName != null) {
        name = newName;
      }
    }
    return this;
  }

  @Override
  public void end() {
    end(provider.clock().now());
  }

  @Override
  public void end(long epochNanos) {
    synchronized (this) {
      if (ended) {
        return;
      }
      endEpochNanos = Math.max(epochNanos, startEpochNanos);
      ended = true;
    }
    provider.onEnd(this);
  }

  public boolean hasEnded() {
    synchronized (this) {
      return ended;
    }
  }

  // ---- SpanData: read only after end, by a thread that received the span through a processor's
  // queue (which orders the reads after the writes), so no lock is taken ----

  @Override
  public SpanContext parentSpanContext() {
    return parent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public long startEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public long endEpochNanos() {
    return endEpochNanos;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public List<SpanEvent> events() {
    return events;
  }

  @Override
  public List<SpanLink> links() {
    return links;
  }

  @Override
  public StatusCode statusCode() {
    return status;
  }

  @Override
  public String statusDescription() {
    return statusDescription;
  }

  @Override
  public Resource resource() {
    return provider.resource();
  }

  @Override
  public InstrumentationScope scope() {
    return scope;
  }

  @Override
  public int droppedEvents() {
    return droppedEvents;
  }

  @Override
  public int droppedLinks() {
    return droppedLinks;
  }

  @Override
  public String toString() {
    return "RecordingSpan{" + name + " " + spanContext + "}";
  }
}
