package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/** {@code ForkJoinTask.doExec()}: the task runs in the context attached when it was forked or submitted. */
public final class ForkJoinExecAdvice {
  private ForkJoinExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.This ForkJoinTask<?> task) {
    return ContextHandOff.start(task);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope) {
    ContextHandOff.end(scope);
  }
}
