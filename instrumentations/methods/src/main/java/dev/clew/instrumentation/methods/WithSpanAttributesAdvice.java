package dev.clew.instrumentation.methods;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around a {@code @WithSpan} method with {@code @SpanAttribute} parameters: their values become attributes. */
public final class WithSpanAttributesAdvice {
  private WithSpanAttributesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method,
      @Advice.AllArguments(typing = Assigner.Typing.DYNAMIC) Object[] args) {
    return MethodTracer.startAnnotated(type, method, args);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object span, @Advice.Thrown Throwable thrown) {
    MethodTracer.end(span, thrown);
  }
}
