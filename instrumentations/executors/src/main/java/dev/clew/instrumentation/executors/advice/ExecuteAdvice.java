package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/**
 * {@code Executor.execute(Runnable)}, and the thread-per-task executor's {@code newThread(Runnable)}: the task
 * runs in the context it was submitted in.
 */
public final class ExecuteAdvice {
  private ExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.This Object executor, @Advice.Argument(0) Runnable task) {
    return ContextHandOff.wrapExecuted(executor, task);
  }
}
