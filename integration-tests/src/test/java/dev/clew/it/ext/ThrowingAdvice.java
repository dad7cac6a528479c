package dev.clew.it.ext;

import net.bytebuddy.asm.Advice;

public final class ThrowingAdvice {
  private ThrowingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    throw new IllegalStateException("broken advice on enter");
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state) {
    throw new IllegalStateException("broken advice on exit");
  }
}
