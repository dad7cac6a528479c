package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** After a consumer is built: its client id, group and bootstrap servers, for the span attributes. */
public final class ConsumerConstructorAdvice {
  private ConsumerConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object consumer, @Advice.Argument(0) ConsumerConfig config) {
    KafkaClientInfo.register(consumer, config);
  }
}
