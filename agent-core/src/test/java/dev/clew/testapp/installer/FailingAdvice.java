package dev.clew.testapp.installer;

import net.bytebuddy.asm.Advice;

/** Advice that throws: the instrumented method must run on, and the failure be counted. */
public final class FailingAdvice {
  private FailingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    throw new IllegalStateException("advice bug");
  }
}
