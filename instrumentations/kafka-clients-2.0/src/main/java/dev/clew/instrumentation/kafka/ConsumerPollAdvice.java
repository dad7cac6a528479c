package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code KafkaConsumer.poll}: ends the previous record's process span, then records the receive of a non-empty batch. */
public final class ConsumerPollAdvice {
  private ConsumerPollAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return KafkaConsumerTracer.pollStarted();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This Object consumer, @Advice.Enter Object start,
      @Advice.Return ConsumerRecords<?, ?> records) {
    KafkaConsumerTracer.pollEnded(consumer, start, records);
  }
}
