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

/** {@code KafkaProducer}: remembers its client id and servers, and traces {@code send(record, callback)}. */
final class ProducerInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.apache.kafka.clients.producer.KafkaProducer");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.producer.KafkaProducer");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("org.apache.kafka.clients.producer.KafkaProducer");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor().and(takesArgument(0, named("org.apache.kafka.clients.producer.ProducerConfig"))),
        "dev.clew.instrumentation.kafka.ProducerConstructorAdvice");
    // send(record) delegates to send(record, null): one span per record
    target.applyAdvice(named("send").and(isPublic()).and(takesArguments(2))
            .and(takesArgument(1, named("org.apache.kafka.clients.producer.Callback"))),
        "dev.clew.instrumentation.kafka.ProducerSendAdvice");
  }
}
