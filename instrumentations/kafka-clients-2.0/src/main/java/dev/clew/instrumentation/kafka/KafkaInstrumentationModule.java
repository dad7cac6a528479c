package dev.clew.instrumentation.kafka;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Kafka clients 2.0 to 4.x: PRODUCER spans around {@code KafkaProducer.send}, a CONSUMER receive span per
 * non-empty {@code KafkaConsumer.poll} linked to every record's producer, and a CONSUMER process span per
 * record while the application iterates the polled records. Kafka Streams is not covered.
 */
public final class KafkaInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use them. */
  private static volatile boolean captureMessageKey;
  private static volatile boolean parentIsPoll;

  public KafkaInstrumentationModule() {
    super("kafka-clients", "kafka");
  }

  /** Opt-in: the record key as {@code messaging.kafka.message.key} (keys may hold personal data). */
  public static boolean captureMessageKey() {
    return captureMessageKey;
  }

  /**
   * Parent of a process span: {@code producer} (default: the record's producer span, so the consumer joins
   * the producer's trace; linked to the poll span) or {@code poll} (the poll span; linked to the producer).
   */
  public static boolean parentIsPoll() {
    return parentIsPoll;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    captureMessageKey = config.getBoolean("clew.kafka.message-key.enabled", false);
    parentIsPoll = "poll".equals(config.getOneOf("clew.kafka.process.parent", "producer", "producer", "poll"));
    return Arrays.<TypeInstrumentation>asList(new ProducerInstrumentation(), new ConsumerInstrumentation(),
        new ConsumerRecordsInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    // record headers (0.11) and poll(Duration) (2.0) mark the oldest supported client
    return Arrays.asList("org.apache.kafka.common.header.Headers",
        "org.apache.kafka.clients.producer.ProducerRecord#headers",
        "org.apache.kafka.clients.consumer.KafkaConsumer#poll",
        "org.apache.kafka.clients.consumer.ConsumerRecords#records",
        "org.apache.kafka.clients.producer.ProducerConfig",
        "org.apache.kafka.clients.consumer.ConsumerConfig");
  }
}
