package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/** {@code new FutureTask(runnable, result)}: what submit, invokeAll and schedule create around a Runnable. */
public final class FutureTaskRunnableAdvice {
  private FutureTaskRunnableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    return ContextHandOff.wrapFutureTask(task);
  }
}
