package dev.clew.instrumentation.kafka;

import dev.clew.core.context.Context;
import dev.clew.core.log.AgentLog;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Owns the PRODUCER span of {@code KafkaProducer.send}: starts it, injects its context into the record
 * headers, and hands back a {@link ProducerCallback} that ends it when the broker acknowledges or the send
 * fails. Every path suppresses its own failures and falls back to the application's callback.
 */
public final class KafkaProducerTracer {
  static final String SCOPE = "clew.kafka-clients";

  private KafkaProducerTracer() {}

  /** Returns the callback {@code send} should use: ours wrapping the application's, or the application's own. */
  public static Object start(Object producer, ProducerRecord<?, ?> record, Callback callback) {
    try {
      if (record == null || callback instanceof ProducerCallback) {
        return callback;
      }
      TracerProvider provider = TracerProvider.global();
      Context parent = Context.current();
      String topic = record.topic();
      SpanBuilder builder = provider.tracer(SCOPE).spanBuilder(KafkaAttributes.spanName("send", topic))
          .setSpanKind(SpanKind.PRODUCER).setParent(parent);
      KafkaAttributes.onSend(builder, record, KafkaClientInfo.of(producer));
      Span span = builder.startSpan();
      KafkaHeaders.inject(Propagators.global(), parent.with(span), record.headers());
      return new ProducerCallback(span, parent, callback);
    } catch (Throwable t) {
      AgentLog.warnThrottled("kafka-send", "kafka send tracing failed: " + t);
      return callback;
    }
  }

  /** {@code send} threw before handing the record over: the callback may never run, so end the span here. */
  public static void endIfThrown(Object callback, Throwable thrown) {
    if (thrown != null && callback instanceof ProducerCallback) {
      ((ProducerCallback) callback).fail(thrown);
    }
  }
}
