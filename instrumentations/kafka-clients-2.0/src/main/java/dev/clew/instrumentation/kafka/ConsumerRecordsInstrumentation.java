package dev.clew.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ConsumerRecords}: the iterator and the per-topic / per-partition views the application walks are
 * wrapped so that each record is processed inside its own process span ({@code forEach} goes through
 * {@code iterator()}).
 */
final class ConsumerRecordsInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("org.apache.kafka.clients.consumer.ConsumerRecords");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isPublic().and(named("iterator").and(takesArguments(0))
            .or(named("records").and(takesArguments(1)))),
        "dev.clew.instrumentation.kafka.ConsumerRecordsAdvice");
  }
}
