package dev.clew.instrumentation.kafka;

import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_BATCH_MESSAGE_COUNT;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_CLIENT_ID;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_CONSUMER_GROUP_NAME;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_DESTINATION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_DESTINATION_PARTITION_ID;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_KAFKA_MESSAGE_KEY;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_KAFKA_MESSAGE_TOMBSTONE;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_KAFKA_OFFSET;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_OPERATION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_OPERATION_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_SYSTEM;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;

import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kafka records and clients as span attributes, following the OpenTelemetry messaging semantic conventions
 * (v1.37, Kafka): span name {@code {operation name} {topic}}, {@code messaging.operation.type}
 * send / receive / process, {@code messaging.operation.name} send / poll / process.
 */
final class KafkaAttributes {
  private KafkaAttributes() {}

  static String spanName(String operation, String topic) {
    return topic == null || topic.isEmpty() ? operation : operation + " " + topic;
  }

  static void onSend(SpanBuilder b, ProducerRecord<?, ?> record, KafkaClientInfo client) {
    common(b, "send", "send", client);
    b.setAttribute(MESSAGING_DESTINATION_NAME, record.topic());
    if (record.partition() != null) {
      b.setAttribute(MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(record.partition()));
    }
    key(b, record.key());
    if (record.value() == null) {
      b.setAttribute(MESSAGING_KAFKA_MESSAGE_TOMBSTONE, true);
    }
  }

  static void onAcknowledged(Span span, RecordMetadata metadata) {
    if (metadata == null) {
      return;
    }
    span.setAttribute(MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(metadata.partition()));
    if (metadata.hasOffset()) {
      span.setAttribute(MESSAGING_KAFKA_OFFSET, metadata.offset());
    }
  }

  static void onReceive(SpanBuilder b, String topic, int count, KafkaClientInfo client) {
    common(b, "receive", "poll", client);
    if (topic != null) {
      b.setAttribute(MESSAGING_DESTINATION_NAME, topic);
    }
    b.setAttribute(MESSAGING_BATCH_MESSAGE_COUNT, (long) count);
  }

  static void onProcess(SpanBuilder b, ConsumerRecord<?, ?> record, KafkaClientInfo client) {
    common(b, "process", "process", client);
    b.setAttribute(MESSAGING_DESTINATION_NAME, record.topic());
    b.setAttribute(MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(record.partition()));
    b.setAttribute(MESSAGING_KAFKA_OFFSET, record.offset());
    key(b, record.key());
    if (record.value() == null) {
      b.setAttribute(MESSAGING_KAFKA_MESSAGE_TOMBSTONE, true);
    }
  }

  private static void common(SpanBuilder b, String type, String name, KafkaClientInfo client) {
    b.setAttribute(MESSAGING_SYSTEM, "kafka");
    b.setAttribute(MESSAGING_OPERATION_TYPE, type);
    b.setAttribute(MESSAGING_OPERATION_NAME, name);
    if (client.clientId != null) {
      b.setAttribute(MESSAGING_CLIENT_ID, client.clientId);
    }
    if (client.groupId != null && !"send".equals(type)) {
      b.setAttribute(MESSAGING_CONSUMER_GROUP_NAME, client.groupId);
    }
    if (client.serverAddress != null) {
      b.setAttribute(SERVER_ADDRESS, client.serverAddress);
      if (client.serverPort > 0) {
        b.setAttribute(SERVER_PORT, (long) client.serverPort);
      }
    }
  }

  private static void key(SpanBuilder b, Object key) {
    if (KafkaInstrumentationModule.captureMessageKey() && key instanceof String) {
      b.setAttribute(MESSAGING_KAFKA_MESSAGE_KEY, (String) key);
    }
  }
}
