package dev.clew.core.trace;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextValue;

/**
 * An operation in a trace. Recording spans collect data; non-recording spans (sampled out, or
 * the invalid span) only carry their {@link SpanContext} so propagation still works.
 * All methods are safe to call after {@link #end()} (they do nothing) and from any thread. A context
 * carries a span under a key of this package: {@code context.with(span)}, {@link #fromContext}.
 */
public interface Span extends ContextValue {
  SpanContext spanContext();

  boolean isRecording();

  Span setAttribute(String key, String value);

  Span setAttribute(String key, long value);

  Span setAttribute(String key, double value);

  Span setAttribute(String key, boolean value);

  /** Any supported value, including arrays; see {@link Attributes}. */
  Span setAttribute(String key, Object value);

  Span addEvent(String name, Attributes attributes);

  /** An event that happened at {@code epochNanos} (e.g. given by the application through the OpenTelemetry API). */
  Span addEvent(String name, Attributes attributes, long epochNanos);

  /** A link added after the span started (links known at start go to the span builder); bounded by the link limit. */
  Span addLink(SpanContext context, Attributes attributes);

  /** Adds an {@code exception} event with exception.type, exception.message and exception.stacktrace. */
  Span recordException(Throwable t);

  /**
   * As {@link #recordException(Throwable)}, with attributes that are added to the event and win over the
   * derived ones (as in the OpenTelemetry API): e.g. an {@code exception.message} with secrets taken out.
   */
  Span recordException(Throwable t, Attributes attributes);

  Span setStatus(StatusCode code, String description);

  Span updateName(String name);

  void end();

  void end(long epochNanos);

  /** A context like {@code context} with this span in it (the same context when it already holds it). */
  @Override
  default Context storeIn(Context context) {
    // a context without a span already has the invalid one: the root context stays the root context
    return this == NonRecordingSpan.INVALID && context.get(SpanKey.KEY) == null ? context
        : context.with(SpanKey.KEY, this);
  }

  /** The span of a context, or {@link #invalid()}. */
  static Span fromContext(Context context) {
    Span span = context.get(SpanKey.KEY);
    return span == null ? NonRecordingSpan.INVALID : span;
  }

  static Span current() {
    return fromContext(Context.current());
  }

  static Span invalid() {
    return NonRecordingSpan.INVALID;
  }

  static Span wrap(SpanContext spanContext) {
    return spanContext.isValid() ? new NonRecordingSpan(spanContext) : NonRecordingSpan.INVALID;
  }
}
