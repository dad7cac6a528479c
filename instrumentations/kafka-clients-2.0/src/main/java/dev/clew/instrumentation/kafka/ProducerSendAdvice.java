package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;

/** {@code KafkaProducer.send(record, callback)}: starts the PRODUCER span and swaps in a callback that ends it. */
public final class ProducerSendAdvice {
  private ProducerSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(value = 1,
      typing = Assigner.Typing.DYNAMIC))
  public static Object enter(@Advice.This Object producer, @Advice.Argument(0) ProducerRecord<?, ?> record,
      @Advice.Argument(1) Callback callback) {
    return KafkaProducerTracer.start(producer, record, callback);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object callback, @Advice.Thrown Throwable thrown) {
    KafkaProducerTracer.endIfThrown(callback, thrown);
  }
}
