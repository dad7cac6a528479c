package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/** {@code ThreadPoolExecutor.addWorker}: the worker thread it creates must not inherit the submitter's context. */
public final class AddWorkerAdvice {
  private AddWorkerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    ContextHandOff.workerCreationStarts();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit() {
    ContextHandOff.workerCreationEnds();
  }
}
