package dev.clew.core.trace;

import java.util.List;

/** A finished span as exporters read it. Read only after the span has ended. */
public interface SpanData {
  SpanContext spanContext();

  /** The parent's context; {@link SpanContext#INVALID} for a root span. */
  SpanContext parentSpanContext();

  String name();

  SpanKind kind();

  long startEpochNanos();

  long endEpochNanos();

  Attributes attributes();

  List<SpanEvent> events();

  List<SpanLink> links();

  StatusCode statusCode();

  /** Only for ERROR; may be null. */
  String statusDescription();

  Resource resource();

  InstrumentationScope scope();

  int droppedEvents();

  int droppedLinks();

  /** Total attributes dropped by the count limit. */
  default int droppedAttributes() {
    return attributes().droppedCount();
  }
}
