package com.acme.shop;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Service B of the Kafka flow: consumes {@code args[2]} records from topic {@code args[1]} (partition 0,
 * assigned, from the beginning) and calls the HTTP peer {@code args[3]} for each; prints {@code assigned}
 * once it polls, then closes the consumer and exits 0.
 */
public final class Shipping {
  public static void main(String[] args) {
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("client.id", "shipping");
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    int expected = Integer.parseInt(args[2]);
    int seen = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
        new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(args[1], 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.poll(Duration.ofMillis(100));
      System.out.println("assigned");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          System.out.println("shipped " + r.value() + " " + Http.get(args[3] + "/ship?" + r.value()));
          seen++;
        }
      }
      // the next poll ends the last record's process span
      consumer.poll(Duration.ofMillis(10));
    }
    System.out.println("consumed " + seen);
  }
}
