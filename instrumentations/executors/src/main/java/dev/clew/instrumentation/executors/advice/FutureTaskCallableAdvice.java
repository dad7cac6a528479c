package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** {@code new FutureTask(callable)}: what submit, invokeAll, invokeAny and schedule create around a Callable. */
public final class FutureTaskCallableAdvice {
  private FutureTaskCallableAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Callable<?> enter(@Advice.Argument(0) Callable<?> task) {
    return ContextHandOff.wrapFutureTask(task);
  }
}
