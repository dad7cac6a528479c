package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/** submit/invokeAll/invokeAny/schedule* of a JDK executor: the FutureTasks an excluded executor creates take no context. */
public final class ExcludedSubmitAdvice {
  private ExcludedSubmitAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.This Object executor) {
    return ContextHandOff.submissionStarts(executor);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter boolean excluded) {
    if (excluded) {
      ContextHandOff.excludedSubmissionEnds();
    }
  }
}
