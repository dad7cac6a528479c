package dev.clew.instrumentation.log4j2;

import net.bytebuddy.asm.Advice;

/** Log4j's ThreadContext was (re)initialised: keep it in step with the current span. */
public final class ThreadContextAdvice {
  private ThreadContextAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit() {
    Log4j2ThreadContext.follow();
  }
}
