package dev.clew.it.ext;

import net.bytebuddy.asm.Advice;

/** Refers to a class that is deleted from the extension jar: linking the advice fails at run time. */
public final class LinkageErrorAdvice {
  private LinkageErrorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter() {
    return MissingHelper.touch();
  }
}
