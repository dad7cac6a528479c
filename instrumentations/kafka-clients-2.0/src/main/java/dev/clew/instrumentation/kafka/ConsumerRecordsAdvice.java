package dev.clew.instrumentation.kafka;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** {@code ConsumerRecords.iterator()} / {@code records(..)}: returns a view that traces each record's processing. */
public final class ConsumerRecordsAdvice {
  private ConsumerRecordsAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.This ConsumerRecords<?, ?> records, @Advice.Return Object returned) {
    return KafkaConsumerTracer.traceIteration(records, returned);
  }
}
