package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;

/** {@code KafkaConsumer.close}: the record this thread was processing is done. */
public final class ConsumerCloseAdvice {
  private ConsumerCloseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    KafkaConsumerTracer.endProcessing(null);
  }
}
