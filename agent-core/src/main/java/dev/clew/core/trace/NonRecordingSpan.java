package dev.clew.core.trace;

/** A span that records nothing and only carries its context: sampled out, remote parents, the invalid span. */
public final class NonRecordingSpan implements Span {
  static final NonRecordingSpan INVALID = new NonRecordingSpan(SpanContext.INVALID);

  private final SpanContext spanContext;

  public NonRecordingSpan(SpanContext spanContext) {
    this.spanContext = spanContext;
  }

  @Override
  public SpanContext spanContext() {
    return spanContext;
  }

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public Span setAttribute(String key, String value) {
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    return this;
  }

  @Override
  public Span setAttribute(String key, Object value) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long epochNanos) {
    return this;
  }

  @Override
  public Span addLink(SpanContext context, Attributes attributes) {
    return this;
  }

  @Override
  public Span recordException(Throwable t) {
    return this;
  }

  @Override
  public Span recordException(Throwable t, Attributes attributes) {
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    return this;
  }

  @Override
  public Span updateName(String name) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long epochNanos) {}

  @Override
  public String toString() {
    return "NonRecordingSpan{" + spanContext + "}";
  }
}
