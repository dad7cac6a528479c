package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ForkJoinTask}: {@code fork()} attaches the current context, {@code doExec()} (where every
 * ForkJoinTask runs, whichever thread steals it) makes the attached context current and restores the
 * worker's afterwards, {@code cancel} drops it.
 */
final class ForkJoinTaskInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.util.concurrent.ForkJoinTask");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.util.concurrent.ForkJoinTask");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("fork").and(takesArguments(0)),
        "dev.clew.instrumentation.executors.advice.ForkAdvice");
    target.applyAdvice(named("doExec").and(takesArguments(0)),
        "dev.clew.instrumentation.executors.advice.ForkJoinExecAdvice");
    target.applyAdvice(named("cancel").and(takesArguments(boolean.class)),
        "dev.clew.instrumentation.executors.advice.CancelAdvice");
  }
}
