package dev.clew.core.trace;

/** A timestamped annotation on a span; exceptions are events named {@code exception}. */
public final class SpanEvent {
  private final String name;
  private final long epochNanos;
  private final Attributes attributes;

  public SpanEvent(String name, long epochNanos, Attributes attributes) {
    this.name = name;
    this.epochNanos = epochNanos;
    this.attributes = attributes == null ? Attributes.unlimited() : attributes;
  }

  public String name() {
    return name;
  }

  public long epochNanos() {
    return epochNanos;
  }

  public Attributes attributes() {
    return attributes;
  }
}
