package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The constructors of {@code Thread}'s subclasses: a library's own thread class (Kafka's {@code KafkaThread}, which
 * KafkaProducer starts its I/O thread with, Netty's {@code FastThreadLocalThread}, Tomcat's {@code TaskThread})
 * makes a worker of that library even when it is created directly, without a thread factory: the Runnable it
 * passes up to {@code Thread} takes no context. Virtual threads are subclasses too, and keep their creator's
 * context.
 */
final class ThreadSubclassInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return hasSuperClass(named("java.lang.Thread")).and(not(namedOneOf("java.lang.Thread", "java.lang.BaseVirtualThread",
        "java.lang.VirtualThread", "java.lang.ThreadBuilders$BoundVirtualThread")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.lang.Thread");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor(), "dev.clew.instrumentation.executors.advice.ThreadSubclassConstructorAdvice");
  }
}
