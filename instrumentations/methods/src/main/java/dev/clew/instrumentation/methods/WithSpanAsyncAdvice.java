package dev.clew.instrumentation.methods;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around a {@code @WithSpan} method returning a {@code CompletionStage}: the span ends when the stage completes. */
public final class WithSpanAsyncAdvice {
  private WithSpanAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method,
      @Advice.AllArguments(typing = Assigner.Typing.DYNAMIC) Object[] args) {
    return MethodTracer.startAnnotated(type, method, args);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object span, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    MethodTracer.endAsync(span, returned, thrown);
  }
}
