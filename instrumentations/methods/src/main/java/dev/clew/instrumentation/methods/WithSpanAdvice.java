package dev.clew.instrumentation.methods;

import net.bytebuddy.asm.Advice;

/** Around a {@code @WithSpan} method without {@code @SpanAttribute} parameters. */
public final class WithSpanAdvice {
  private WithSpanAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method) {
    return MethodTracer.startAnnotated(type, method, null);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object span, @Advice.Thrown Throwable thrown) {
    MethodTracer.end(span, thrown);
  }
}
