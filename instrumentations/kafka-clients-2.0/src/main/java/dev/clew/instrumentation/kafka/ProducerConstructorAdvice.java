package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.producer.ProducerConfig;

/** After a producer is built: its client id and bootstrap servers, for the span attributes. */
public final class ProducerConstructorAdvice {
  private ProducerConstructorAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This Object producer, @Advice.Argument(0) ProducerConfig config) {
    KafkaClientInfo.register(producer, config);
  }
}
