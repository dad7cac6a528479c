package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/**
 * A constructor of a {@code Thread} subclass, entered before it calls up to {@code Thread}'s: the thread being
 * made is a library's worker, whose task takes no context. {@code Thread}'s own constructor clears the mark when it
 * returns ({@link ThreadConstructorAdvice}), not the subclass's, which may throw after it (exit advice cannot
 * catch in a constructor); should {@code Thread}'s constructor throw, the next thread made here clears it.
 */
public final class ThreadSubclassConstructorAdvice {
  private ThreadSubclassConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter() {
    ContextHandOff.subclassThreadStarts();
  }
}
