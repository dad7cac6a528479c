package dev.clew.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Hands the request's context to the task given to {@code AsyncContext.start}. It names no servlet
 * type, so both API modules apply this one class; it loads from the agent's class loader.
 */
public final class AsyncContextStartAdvice {
  private AsyncContextStartAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
  public static Runnable enter(@Advice.Argument(0) Runnable task) {
    return ServletTracer.wrap(task);
  }
}
