package dev.clew.instrumentation.executors;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code execute(Runnable)} of {@code ThreadPoolExecutor} (which subclasses reach through
 * {@code super.execute}) and of the executors named in {@code otel.instrumentation.executors.include};
 * and {@code ThreadPoolExecutor.addWorker}, so a worker thread created by a submission does not keep
 * the submitter's context for its whole life, also when the pool's factory is a lambda that
 * {@link ThreadFactoryInstrumentation} cannot see. {@code ScheduledThreadPoolExecutor} and
 * {@code submit}/{@code invokeAll}/{@code invokeAny} of every JDK executor create a {@code FutureTask},
 * covered by {@link FutureTaskInstrumentation}; for executors named in {@code clew.executors.exclude}
 * those methods mark the thread so the FutureTask they create takes no context.
 */
final class ExecutorInstrumentation implements TypeInstrumentation {
  private static final String THREAD_POOL_EXECUTOR = "java.util.concurrent.ThreadPoolExecutor";
  private static final String[] SUBMITTING_EXECUTORS = {"java.util.concurrent.AbstractExecutorService",
      "java.util.concurrent.ScheduledThreadPoolExecutor"};
  private static final String[] SUBMIT_METHODS = {"submit", "invokeAll", "invokeAny", "schedule",
      "scheduleAtFixedRate", "scheduleWithFixedDelay"};

  private final String[] included;
  private final List<String> relevant = new ArrayList<>();

  ExecutorInstrumentation(List<String> included) {
    this.included = included.toArray(new String[0]);
    relevant.add(THREAD_POOL_EXECUTOR);
    relevant.addAll(Arrays.asList(SUBMITTING_EXECUTORS));
    relevant.addAll(included);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(THREAD_POOL_EXECUTOR).or(namedOneOf(SUBMITTING_EXECUTORS)).or(namedOneOf(included));
  }

  @Override
  public List<String> relevantTypes() {
    return relevant;
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("execute").and(takesArguments(Runnable.class)).and(not(isAbstract())),
        "dev.clew.instrumentation.executors.advice.ExecuteAdvice");
    // only matters when clew.executors.exclude names executors: costs one volatile read per call otherwise
    target.applyAdvice(namedOneOf(SUBMIT_METHODS).and(not(isAbstract())),
        "dev.clew.instrumentation.executors.advice.ExcludedSubmitAdvice");
    target.applyAdvice(named("addWorker").and(takesArguments(Runnable.class, boolean.class)),
        "dev.clew.instrumentation.executors.advice.WorkerCreationAdvice");
  }
}
