package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The internal method every external submission to a ForkJoinPool passes through, whatever the public
 * method ({@code execute}, {@code submit}, {@code invoke}, {@code invokeAll}, and CompletableFuture's
 * async stages on the common pool): the task, or the pool's adapter around a Runnable/Callable, gets
 * the submitter's context attached. Up to Java 17 that is {@code externalPush}/{@code externalSubmit},
 * from Java 19 {@code poolSubmit}/{@code externalSubmit}/{@code lazySubmit}.
 */
final class ForkJoinPoolInstrumentation implements TypeInstrumentation {
  private static final String[] SUBMIT_METHODS = {"externalPush", "externalSubmit", "poolSubmit", "lazySubmit"};
  /**
   * By name, not {@code ForkJoinTask.class}: the literal loaded ForkJoinTask during the premain of every application,
   * which then had to be retransformed there (about 60 ms of CPU), also where nothing ever forks.
   */
  private static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinPool");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.util.concurrent.ForkJoinPool");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(namedOneOf(SUBMIT_METHODS).and(takesArgument(0, named(FORK_JOIN_TASK))),
        "dev.clew.instrumentation.executors.advice.ForkJoinSubmitAdvice$Arg0");
    target.applyAdvice(namedOneOf(SUBMIT_METHODS).and(takesArgument(1, named(FORK_JOIN_TASK))),
        "dev.clew.instrumentation.executors.advice.ForkJoinSubmitAdvice$Arg1");
  }
}
