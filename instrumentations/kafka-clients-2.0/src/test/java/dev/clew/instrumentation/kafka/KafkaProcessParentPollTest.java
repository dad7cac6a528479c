package dev.clew.instrumentation.kafka;

import static dev.clew.instrumentation.kafka.KafkaTestClients.consumer;
import static dev.clew.instrumentation.kafka.KafkaTestClients.newTopic;
import static dev.clew.instrumentation.kafka.KafkaTestClients.pollDeadline;
import static dev.clew.instrumentation.kafka.KafkaTestClients.producer;
import static dev.clew.instrumentation.kafka.KafkaTestClients.producerConfig;
import static dev.clew.instrumentation.kafka.KafkaTestClients.stillPolling;
import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.awaitSpans;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alternative model, run by its own surefire execution with {@code CLEW_KAFKA_PROCESS_PARENT=poll} and
 * {@code CLEW_KAFKA_MESSAGE_KEY_ENABLED=true}: the process span is a child of the poll span and links to
 * the producer; the record key is recorded.
 */
class KafkaProcessParentPollTest {
  @Test
  void theProcessSpanIsAChildOfThePollAndLinksToTheProducer() throws Exception {
    String topic = newTopic();
    AgentSpans.clear();
    try (KafkaProducer<String, String> producer = producer(producerConfig())) {
      producer.send(new ProducerRecord<>(topic, "order-7", "hello")).get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      int seen = 0;
      long deadline = pollDeadline();
      while (seen == 0) {
        stillPolling(deadline, "the record");
        for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(200))) {
          seen++;
        }
      }
    }

    List<Span> spans = awaitSpans(3, Duration.ofSeconds(30));
    Span send = span(spans, "send " + topic);
    Span poll = span(spans, "poll " + topic);
    Span process = span(spans, "process " + topic);
    assertTrue(isChildOf(process, poll), "process span is a child of the poll span");
    assertEquals(1, process.getLinksCount());
    assertEquals(send.getSpanId(), process.getLinks(0).getSpanId(), "process span links to the producer");
    assertEquals(send.getTraceId(), process.getLinks(0).getTraceId());
    assertEquals("order-7", attribute(send, "messaging.kafka.message.key"));
    assertEquals("order-7", attribute(process, "messaging.kafka.message.key"));
    assertEquals(0, AgentSpans.adviceErrors());
  }
}
