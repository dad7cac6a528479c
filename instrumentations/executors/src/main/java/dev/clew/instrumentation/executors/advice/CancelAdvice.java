package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinTask.cancel}: a cancelled task will not run; its attached context goes at once. */
public final class CancelAdvice {
  private CancelAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This ForkJoinTask<?> task, @Advice.Return boolean cancelled) {
    if (cancelled) {
      ContextHandOff.forget(task);
    }
  }
}
