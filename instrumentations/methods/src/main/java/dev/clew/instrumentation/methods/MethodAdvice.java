package dev.clew.instrumentation.methods;

import net.bytebuddy.asm.Advice;

/** Around a traced method: an INTERNAL span named {@code Class.method}. */
public final class MethodAdvice {
  private MethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin("#t") String className, @Advice.Origin("#m") String methodName) {
    return MethodTracer.start(className, methodName);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object span, @Advice.Thrown Throwable thrown) {
    MethodTracer.end(span, thrown);
  }
}
