package dev.clew.instrumentation.kafka;

import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.StatusCode;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Ends the PRODUCER span when the send completes, then runs the application's callback (if any) in the
 * context that was current when it called {@code send}. Kafka runs callbacks before it completes the
 * send's future, so the span is ended whichever way the application waits.
 */
final class ProducerCallback implements Callback {
  private final Span span;
  private final Context parent;
  private final Callback delegate;

  ProducerCallback(Span span, Context parent, Callback delegate) {
    this.span = span;
    this.parent = parent;
    this.delegate = delegate;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    try {
      if (exception != null) {
        fail(exception);
      } else {
        KafkaAttributes.onAcknowledged(span, metadata);
        span.end();
      }
    } catch (Throwable t) {
      AgentLog.warnThrottled("kafka-callback", "kafka send tracing failed on completion: " + t);
    }
    if (delegate != null) {
      Scope scope = parent.makeCurrent();
      try {
        delegate.onCompletion(metadata, exception);
      } finally {
        scope.close();
      }
    }
  }

  void fail(Throwable error) {
    span.recordException(error);
    span.setAttribute(ERROR_TYPE, error.getClass().getName());
    span.setStatus(StatusCode.ERROR, error.getMessage());
    span.end();
  }
}
