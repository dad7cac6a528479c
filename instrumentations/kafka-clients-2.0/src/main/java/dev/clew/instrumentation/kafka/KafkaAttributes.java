package dev.clew.instrumentation.kafka;

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
  static final String SYSTEM = "messaging.system";
  static final String OPERATION_TYPE = "messaging.operation.type";
  static final String OPERATION_NAME = "messaging.operation.name";
  static final String DESTINATION = "messaging.destination.name";
  static final String PARTITION = "messaging.destination.partition.id";
  static final String OFFSET = "messaging.kafka.offset";
  static final String KEY = "messaging.kafka.message.key";
  static final String TOMBSTONE = "messaging.kafka.message.tombstone";
  static final String CLIENT_ID = "messaging.client.id";
  static final String GROUP = "messaging.consumer.group.name";
  static final String BATCH_COUNT = "messaging.batch.message_count";
  static final String SERVER_ADDRESS = "server.address";
  static final String SERVER_PORT = "server.port";

  private KafkaAttributes() {}

  static String spanName(String operation, String topic) {
    return topic == null || topic.isEmpty() ? operation : operation + " " + topic;
  }

  static void onSend(SpanBuilder b, ProducerRecord<?, ?> record, KafkaClientInfo client) {
    common(b, "send", "send", client);
    b.setAttribute(DESTINATION, record.topic());
    if (record.partition() != null) {
      b.setAttribute(PARTITION, String.valueOf(record.partition()));
    }
    key(b, record.key());
    if (record.value() == null) {
      b.setAttribute(TOMBSTONE, true);
    }
  }

  static void onAcknowledged(Span span, RecordMetadata metadata) {
    if (metadata == null) {
      return;
    }
    span.setAttribute(PARTITION, String.valueOf(metadata.partition()));
    if (metadata.hasOffset()) {
      span.setAttribute(OFFSET, metadata.offset());
    }
  }

  static void onReceive(SpanBuilder b, String topic, int count, KafkaClientInfo client) {
    common(b, "receive", "poll", client);
    if (topic != null) {
      b.setAttribute(DESTINATION, topic);
    }
    b.setAttribute(BATCH_COUNT, (long) count);
  }

  static void onProcess(SpanBuilder b, ConsumerRecord<?, ?> record, KafkaClientInfo client) {
    common(b, "process", "process", client);
    b.setAttribute(DESTINATION, record.topic());
    b.setAttribute(PARTITION, String.valueOf(record.partition()));
    b.setAttribute(OFFSET, record.offset());
    key(b, record.key());
    if (record.value() == null) {
      b.setAttribute(TOMBSTONE, true);
    }
  }

  private static void common(SpanBuilder b, String type, String name, KafkaClientInfo client) {
    b.setAttribute(SYSTEM, "kafka");
    b.setAttribute(OPERATION_TYPE, type);
    b.setAttribute(OPERATION_NAME, name);
    if (client.clientId != null) {
      b.setAttribute(CLIENT_ID, client.clientId);
    }
    if (client.groupId != null && !"send".equals(type)) {
      b.setAttribute(GROUP, client.groupId);
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
      b.setAttribute(KEY, (String) key);
    }
  }
}
