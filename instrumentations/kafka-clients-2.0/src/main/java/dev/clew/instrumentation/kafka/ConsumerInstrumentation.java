package dev.clew.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code KafkaConsumer}: remembers its client id, group and servers, and traces the public
 * {@code poll(Duration)} / {@code poll(long)} (in 3.7+ the facade in front of the consumer implementations,
 * so one advice covers the classic and the new consumer); {@code close} ends the record still being processed.
 */
final class ConsumerInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("org.apache.kafka.clients.consumer.KafkaConsumer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor().and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerConfig"))),
        "dev.clew.instrumentation.kafka.ConsumerConstructorAdvice");
    target.applyAdvice(named("poll").and(isPublic()).and(takesArguments(1)),
        "dev.clew.instrumentation.kafka.ConsumerPollAdvice");
    target.applyAdvice(named("close").and(isPublic()), "dev.clew.instrumentation.kafka.ConsumerCloseAdvice");
  }
}
