package dev.clew.instrumentation.kafka;

import dev.clew.testing.kafka.KafkaBroker;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Clients of the shared test broker, configured the way the tests need them. */
final class KafkaTestClients {
  static final String PRODUCER_ID = "clew-test-producer";
  static final String CONSUMER_ID = "clew-test-consumer";

  private KafkaTestClients() {}

  static KafkaBroker broker() {
    return KafkaBroker.shared();
  }

  /** A new single-partition topic; created before any consumer reads it. */
  static String newTopic() throws Exception {
    String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", broker().bootstrapServers());
    config.put("default.api.timeout.ms", "60000");
    config.put("request.timeout.ms", "30000");
    try (AdminClient admin = AdminClient.create(config)) {
      admin.createTopics(Collections.singleton(new NewTopic(topic, 1, (short) 1))).all().get(90, TimeUnit.SECONDS);
    }
    return topic;
  }

  static Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", broker().bootstrapServers());
    config.put("client.id", PRODUCER_ID);
    config.put("linger.ms", "0");
    return config;
  }

  static KafkaProducer<String, String> producer(Map<String, Object> config) {
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** When a poll loop gives up ({@link System#nanoTime}): a record that never comes fails the test, no hung CI. */
  static long pollDeadline() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
  }

  static void stillPolling(long deadline, String what) {
    if (System.nanoTime() - deadline > 0) {
      throw new AssertionError(what + " did not arrive within 60 s");
    }
  }

  /** Assigned to partition 0 (no group rebalance to wait for) and reading from the beginning. */
  static KafkaConsumer<String, String> consumer(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", broker().bootstrapServers());
    config.put("client.id", CONSUMER_ID);
    config.put("group.id", "clew-test-" + topic);
    config.put("enable.auto.commit", "false");
    config.put("auto.offset.reset", "earliest");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(Collections.singleton(partition));
    consumer.seekToBeginning(Collections.singleton(partition));
    return consumer;
  }
}
