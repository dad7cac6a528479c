package dev.clew.core.trace;

/** A reference from a span to a span of (usually) another trace, e.g. the producers of a consumed batch. */
public final class SpanLink {
  private final SpanContext spanContext;
  private final Attributes attributes;

  public SpanLink(SpanContext spanContext, Attributes attributes) {
    this.spanContext = spanContext;
    this.attributes = attributes == null ? Attributes.unlimited() : attributes;
  }

  public SpanContext spanContext() {
    return spanContext;
  }

  public Attributes attributes() {
    return attributes;
  }
}
