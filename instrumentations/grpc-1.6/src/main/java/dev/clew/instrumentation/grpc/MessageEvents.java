package dev.clew.instrumentation.grpc;

import static dev.clew.core.semconv.SemanticAttributes.RPC_MESSAGE_ID;
import static dev.clew.core.semconv.SemanticAttributes.RPC_MESSAGE_TYPE;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Span;

/**
 * {@code rpc.message} events (with {@code otel.instrumentation.grpc.emit-message-events=true}): type
 * {@code SENT} or {@code RECEIVED} and the message's 1-based number in its direction. A long stream is
 * bounded by the span's event limit ({@code otel.span.event.count.limit}); events past it are counted
 * as dropped on the span.
 */
final class MessageEvents {
  static final String EVENT = "rpc.message";

  private MessageEvents() {}

  static void sent(Span span, int id) {
    add(span, "SENT", id);
  }

  static void received(Span span, int id) {
    add(span, "RECEIVED", id);
  }

  private static void add(Span span, String type, int id) {
    if (!span.isRecording()) {
      return;
    }
    try {
      span.addEvent(EVENT, Attributes.of(RPC_MESSAGE_TYPE, type, RPC_MESSAGE_ID, (long) id));
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }
}
