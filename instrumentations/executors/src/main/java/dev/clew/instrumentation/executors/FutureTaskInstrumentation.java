package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The constructors of {@code FutureTask}: every {@code submit}, {@code invokeAll}, {@code invokeAny}
 * and {@code schedule*} of the JDK executors creates one (also {@code ScheduledFutureTask}, which
 * reaches them through {@code super}); the task inside runs in the context the future was created in.
 */
final class FutureTaskInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.FutureTask");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.util.concurrent.FutureTask");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor().and(takesArguments(1)).and(takesArgument(0, Callable.class)),
        "dev.clew.instrumentation.executors.advice.FutureTaskCallableAdvice");
    target.applyAdvice(isConstructor().and(takesArguments(2)).and(takesArgument(0, Runnable.class)),
        "dev.clew.instrumentation.executors.advice.FutureTaskRunnableAdvice");
  }
}
