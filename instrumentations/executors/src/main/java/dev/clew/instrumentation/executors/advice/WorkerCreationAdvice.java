package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/**
 * {@code ThreadFactory.newThread} (every implementation) and {@code ThreadPoolExecutor.addWorker} (also when
 * the pool's factory is a lambda, which cannot be instrumented): a thread created in here is a pool's or a
 * framework's worker and must not inherit the context of the task that happened to make it start.
 */
public final class WorkerCreationAdvice {
  private WorkerCreationAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    ContextHandOff.workerCreationStarts();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit() {
    ContextHandOff.workerCreationEnds();
  }
}
