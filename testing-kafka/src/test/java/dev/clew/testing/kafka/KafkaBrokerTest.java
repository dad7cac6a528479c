package dev.clew.testing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
  @Test
  void aStartedBrokerCreatesTopicsAndCarriesRecordsUntilClosed() throws Exception {
    KafkaBroker broker = KafkaBroker.start(Map.of());
    try {
      broker.createTopics(2, "launcher-a", "launcher-b");
      Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
      try (Admin admin = Admin.create(common)) {
        assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(List.of("launcher-a", "launcher-b")));
        assertEquals(2, admin.describeTopics(List.of("launcher-a")).allTopicNames().get(30, TimeUnit.SECONDS)
            .get("launcher-a").partitions().size());
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(common, new StringSerializer(),
          new StringSerializer())) {
        producer.send(new ProducerRecord<>("launcher-a", 0, "k", "v")).get(30, TimeUnit.SECONDS);
      }
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
          broker.bootstrapServers(), "auto.offset.reset", "earliest"), new StringDeserializer(),
          new StringDeserializer())) {
        consumer.assign(List.of(new org.apache.kafka.common.TopicPartition("launcher-a", 0)));
        ConsumerRecord<String, String> got = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (got == null && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            got = r;
          }
        }
        assertEquals("v", got == null ? null : got.value());
      }
    } finally {
      broker.close();
    }
    assertFalse(isOpen(broker.port()), "the broker's port is closed after close()");
  }

  private static boolean isOpen(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
