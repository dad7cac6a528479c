package dev.clew.instrumentation.kafka;

import static dev.clew.instrumentation.kafka.KafkaTestClients.CONSUMER_ID;
import static dev.clew.instrumentation.kafka.KafkaTestClients.PRODUCER_ID;
import static dev.clew.instrumentation.kafka.KafkaTestClients.broker;
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
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.spansNamed;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import dev.clew.testing.kafka.KafkaBroker;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Producer and consumer spans against a real KRaft broker (a child JVM, shared by the tests). The pom runs
 * this class once per kafka-clients version under test (3.9 and 4.1), each swapped in for the 2.0 API the
 * module compiles against.
 */
class KafkaTracingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaBroker broker;
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void startBroker() {
    broker = broker();
    producer = producer(producerConfig());
  }

  @AfterAll
  static void stopProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  @BeforeEach
  void forgetSpans() {
    AgentSpans.clear();
  }

  @Test
  void runsAgainstTheKafkaClientsVersionThePomSwappedIn() {
    assertEquals(System.getProperty("kafka.clients.expected"), AppInfoParser.getVersion());
  }

  @Test
  void producerAndConsumerShareOneTraceAndThePollLinksToTheProducer() throws Exception {
    String topic = newTopic();
    String downstream = newTopic();
    RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get(30, TimeUnit.SECONDS);

    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      List<String> values = new ArrayList<>();
      long deadline = pollDeadline();
      while (values.isEmpty()) {
        stillPolling(deadline, "the record");
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> record : records) {
          values.add(record.value());
          // sent while the record is processed: must nest under the process span
          producer.send(new ProducerRecord<>(downstream, "forwarded")).get(30, TimeUnit.SECONDS);
        }
      }
      assertEquals(List.of("hello"), values);
    }

    List<Span> spans = awaitSpans(4, WAIT);
    Span send = span(spans, "send " + topic);
    Span poll = span(spans, "poll " + topic);
    Span process = span(spans, "process " + topic);
    Span forward = span(spans, "send " + downstream);

    assertEquals(SpanKind.SPAN_KIND_PRODUCER, send.getKind());
    // exactly these: the message key is opt-in
    AgentSpans.assertAttributesExactly(send, Map.of(
        "messaging.system", "kafka",
        "messaging.operation.type", "send",
        "messaging.operation.name", "send",
        "messaging.destination.name", topic,
        "messaging.destination.partition.id", String.valueOf(sent.partition()),
        "messaging.kafka.offset", sent.offset(),
        "messaging.client.id", PRODUCER_ID,
        "server.address", "127.0.0.1",
        "server.port", (long) broker.port()));

    assertEquals(SpanKind.SPAN_KIND_CONSUMER, poll.getKind());
    assertEquals("receive", attribute(poll, "messaging.operation.type"));
    assertEquals(1L, attribute(poll, "messaging.batch.message_count"));
    assertEquals(CONSUMER_ID, attribute(poll, "messaging.client.id"));
    assertEquals(1, poll.getLinksCount());
    assertEquals(send.getTraceId(), poll.getLinks(0).getTraceId());
    assertEquals(send.getSpanId(), poll.getLinks(0).getSpanId());

    assertEquals(SpanKind.SPAN_KIND_CONSUMER, process.getKind());
    assertTrue(isChildOf(process, send), "process span is a child of the producer span");
    assertEquals("process", attribute(process, "messaging.operation.type"));
    assertEquals(topic, attribute(process, "messaging.destination.name"));
    assertEquals(sent.offset(), attribute(process, "messaging.kafka.offset"));
    assertEquals(1, process.getLinksCount());
    assertEquals(poll.getSpanId(), process.getLinks(0).getSpanId(), "process span links to the poll span");

    assertTrue(isChildOf(forward, process), "work done while processing nests under the process span");
    assertTrue(process.getEndTimeUnixNano() >= forward.getEndTimeUnixNano());
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void aBatchFromManyTracesIsOnePollLinkedToEveryProducerUpToTheLinkLimit() throws Exception {
    String topic = newTopic();
    int count = 150; // above the default link limit of 128
    List<Future<RecordMetadata>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
    }
    for (Future<RecordMetadata> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    List<Span> producers = awaitSpans(count, WAIT);
    assertEquals(count, spansNamed(producers, "send " + topic).size());
    Set<String> producerTraces = new HashSet<>();
    for (Span s : producers) {
      producerTraces.add(traceId(s));
    }
    assertEquals(count, producerTraces.size(), "every send started its own trace");
    AgentSpans.clear();

    int processed = 0;
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      long deadline = pollDeadline();
      while (processed < count) {
        stillPolling(deadline, count + " records");
        for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(500)).records(topic)) {
          processed++;
        }
      }
    }

    List<Span> spans = awaitSpans(count + 1, WAIT);
    List<Span> polls = spansNamed(spans, "poll " + topic);
    assertEquals(1, polls.size(), "the whole batch came in one poll");
    Span poll = polls.get(0);
    assertEquals((long) count, attribute(poll, "messaging.batch.message_count"));
    assertEquals(128, poll.getLinksCount());
    assertEquals(count - 128, poll.getDroppedLinksCount());
    Set<String> linked = new HashSet<>();
    poll.getLinksList().forEach(l -> linked.add(AgentSpans.hex(l.getTraceId())));
    assertEquals(128, linked.size());
    assertTrue(producerTraces.containsAll(linked), "each link points at a producer trace");

    Map<String, String> parentByTrace = new HashMap<>();
    for (Span s : producers) {
      parentByTrace.put(traceId(s), spanId(s));
    }
    List<Span> processes = spansNamed(spans, "process " + topic);
    assertEquals(count, processes.size());
    for (Span p : processes) {
      assertEquals(parentByTrace.get(traceId(p)), AgentSpans.parentSpanId(p),
          "each process span is in its own producer's trace, under the producer span");
    }
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void aFailedSendEndsTheProducerSpanWithAnErrorAndStillCallsTheApplication() throws Exception {
    Map<String, Object> config = producerConfig();
    config.put("max.block.ms", "1000");
    AtomicReference<Exception> seen = new AtomicReference<>();
    CountDownLatch called = new CountDownLatch(1);
    String missing = "missing-" + UUID.randomUUID();
    try (KafkaProducer<String, String> failing = producer(config)) {
      Future<RecordMetadata> future = failing.send(new ProducerRecord<>(missing, "lost"), (metadata, exception) -> {
        seen.set(exception);
        called.countDown();
      });
      assertTrue(called.await(30, TimeUnit.SECONDS), "the application's callback was called");
      ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
      assertNotNull(seen.get());
      assertEquals(seen.get().getClass(), thrown.getCause().getClass());
    }

    Span send = span(awaitSpans(1, WAIT), "send " + missing);
    assertEquals(StatusCode.STATUS_CODE_ERROR, send.getStatus().getCode());
    assertEquals(seen.get().getClass().getName(), attribute(send, "error.type"));
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void resendingARecordWithReadOnlyHeadersKeepsItsFirstContext() throws Exception {
    String topic = newTopic();
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, "again");
    AtomicInteger callbacks = new AtomicInteger();
    producer.send(record, (m, e) -> callbacks.incrementAndGet()).get(30, TimeUnit.SECONDS);
    Header first = record.headers().lastHeader("traceparent");
    assertNotNull(first, "the context travels in the record headers");
    producer.send(record, (m, e) -> callbacks.incrementAndGet()).get(30, TimeUnit.SECONDS);

    List<Span> sends = spansNamed(awaitSpans(2, WAIT), "send " + topic);
    assertEquals(2, sends.size());
    assertEquals(2, callbacks.get());
    Span firstSend = sends.get(0).getStartTimeUnixNano() <= sends.get(1).getStartTimeUnixNano()
        ? sends.get(0) : sends.get(1);
    String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    assertEquals("00-" + traceId(firstSend) + "-" + spanId(firstSend) + "-01", header);
    assertEquals(1, count(record.headers().headers("traceparent").iterator()));
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void aPartitionListRecordIsProcessedUntilTheNextPoll() throws Exception {
    String topic = newTopic();
    producer.send(new ProducerRecord<>(topic, "a")).get(30, TimeUnit.SECONDS);
    producer.send(new ProducerRecord<>(topic, "b")).get(30, TimeUnit.SECONDS);
    List<Span> sends = awaitSpans(2, WAIT);
    AgentSpans.clear();

    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      long deadline = pollDeadline();
      while (records.count() < 2) {
        stillPolling(deadline, "the two records");
        records = consumer.poll(Duration.ofMillis(500));
        if (records.count() == 1) {
          fail("the two records arrived in separate polls; the test needs them together");
        }
      }
      Iterator<ConsumerRecord<String, String>> it = records.records(partition).iterator();
      assertEquals("a", it.next().value()); // the application stops after the first record
      List<Span> ended = awaitSpans(1, WAIT);
      assertEquals(List.of("poll " + topic), AgentSpans.names(ended), "the process span is still open");
      consumer.poll(Duration.ofMillis(10));
    }

    List<Span> spans = awaitSpans(2, WAIT);
    Span process = span(spans, "process " + topic);
    Span sendA = sends.get(0).getStartTimeUnixNano() <= sends.get(1).getStartTimeUnixNano() ? sends.get(0) : sends.get(1);
    assertTrue(isChildOf(process, sendA));
    assertEquals("0", attribute(process, "messaging.destination.partition.id"));
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void closingTheConsumerEndsTheRecordBeingProcessed() throws Exception {
    String topic = newTopic();
    producer.send(new ProducerRecord<>(topic, "only")).get(30, TimeUnit.SECONDS);
    awaitSpans(1, WAIT);
    AgentSpans.clear();

    KafkaConsumer<String, String> consumer = consumer(topic);
    try {
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      long deadline = pollDeadline();
      while (records.isEmpty()) {
        stillPolling(deadline, "the record");
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertEquals("only", records.iterator().next().value());
      assertEquals(List.of("poll " + topic), AgentSpans.names(awaitSpans(1, WAIT)));
    } finally {
      consumer.close();
    }
    span(awaitSpans(2, WAIT), "process " + topic);
    assertEquals(0, AgentSpans.adviceErrors());
  }

  private static void fail(String message) {
    throw new AssertionError(message);
  }

  private static int count(Iterator<?> it) {
    int n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
