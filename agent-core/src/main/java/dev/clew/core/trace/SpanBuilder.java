package dev.clew.core.trace;

import dev.clew.core.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects what a span starts with, then asks the sampler and creates it. Use once. */
public final class SpanBuilder {
  private final Tracer tracer;
  private final String name;
  private Context parent;
  private SpanKind kind = SpanKind.INTERNAL;
  private Attributes attributes;
  private List<SpanLink> links;
  private int droppedLinks;
  private long startEpochNanos;

  SpanBuilder(Tracer tracer, String name) {
    this.tracer = tracer;
    this.name = name;
  }

  /** The parent context; defaults to {@link Context#current()}. */
  public SpanBuilder setParent(Context context) {
    this.parent = context;
    return this;
  }

  /** Starts a new trace whatever the current context holds. */
  public SpanBuilder setNoParent() {
    this.parent = Context.root();
    return this;
  }

  public SpanBuilder setSpanKind(SpanKind spanKind) {
    this.kind = spanKind == null ? SpanKind.INTERNAL : spanKind;
    return this;
  }

  private Attributes attrs() {
    if (attributes == null) {
      SpanLimits l = tracer.provider().limits();
      attributes = new Attributes(l.maxAttributes, l.maxAttributeValueLength);
    }
    return attributes;
  }

  public SpanBuilder setAttribute(String key, String value) {
    attrs().put(key, value);
    return this;
  }

  public SpanBuilder setAttribute(String key, long value) {
    attrs().put(key, value);
    return this;
  }

  public SpanBuilder setAttribute(String key, boolean value) {
    attrs().put(key, value);
    return this;
  }

  public SpanBuilder setAttribute(String key, Object value) {
    attrs().put(key, value);
    return this;
  }

  public SpanBuilder addLink(SpanContext context) {
    return addLink(context, null);
  }

  public SpanBuilder addLink(SpanContext context, Attributes linkAttributes) {
    if (context == null || !context.isValid()) {
      return this;
    }
    SpanLimits l = tracer.provider().limits();
    if (links == null) {
      links = new ArrayList<>(4);
    }
    if (links.size() >= l.maxLinks) {
      droppedLinks++;
      return this;
    }
    Attributes a = new Attributes(l.maxAttributesPerLink, l.maxAttributeValueLength);
    if (linkAttributes != null) {
      a.putAll(linkAttributes);
    }
    links.add(new SpanLink(context, a));
    return this;
  }

  public SpanBuilder setStartTimestamp(long epochNanos) {
    this.startEpochNanos = epochNanos;
    return this;
  }

  public Span startSpan() {
    Context parentContext = parent == null ? Context.current() : parent;
    return tracer.provider().startSpan(tracer.scope(), name, kind, parentContext, attributes,
        links == null ? Collections.<SpanLink>emptyList() : Collections.unmodifiableList(links),
        droppedLinks, startEpochNanos);
  }
}
