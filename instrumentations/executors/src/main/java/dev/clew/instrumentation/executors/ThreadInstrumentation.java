package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The constructors of {@code Thread} that take a Runnable, and of the virtual thread classes of Java 21+
 * ({@code Thread.ofVirtual()}, {@code Executors.newVirtualThreadPerTaskExecutor()}): the new thread
 * runs its Runnable in the context it was created in. Delegating constructors see the task already
 * wrapped and leave it.
 */
final class ThreadInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("java.lang.Thread", "java.lang.VirtualThread", "java.lang.ThreadBuilders$BoundVirtualThread");
  }

  @Override
  public List<String> relevantTypes() {
    return Arrays.asList("java.lang.Thread", "java.lang.VirtualThread", "java.lang.ThreadBuilders$BoundVirtualThread");
  }

  @Override
  public void transform(AdviceTarget target) {
    String advice = "dev.clew.instrumentation.executors.advice.ThreadConstructorAdvice$Arg";
    for (int i = 0; i < 4; i++) {
      target.applyAdvice(isConstructor().and(takesArgument(i, Runnable.class)), advice + i);
    }
  }
}
