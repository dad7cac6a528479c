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
 * The JDK's executor that starts one thread per task (Java 21+: {@code Executors.newVirtualThreadPerTaskExecutor()},
 * {@code Executors.newThreadPerTaskExecutor(factory)}): every task, from {@code execute} or {@code submit},
 * passes its private {@code newThread(Runnable)} on its way to the thread factory, and is wrapped there, since
 * a factory's threads take no context ({@link ThreadFactoryInstrumentation}).
 */
final class ThreadPerTaskExecutorInstrumentation implements TypeInstrumentation {
  private static final String THREAD_PER_TASK_EXECUTOR = "java.util.concurrent.ThreadPerTaskExecutor";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(THREAD_PER_TASK_EXECUTOR);
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(THREAD_PER_TASK_EXECUTOR);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("newThread").and(takesArguments(Runnable.class)),
        "dev.clew.instrumentation.executors.advice.ExecuteAdvice");
  }
}
