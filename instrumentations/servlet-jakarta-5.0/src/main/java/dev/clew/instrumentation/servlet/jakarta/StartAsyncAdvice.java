package dev.clew.instrumentation.servlet.jakarta;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import net.bytebuddy.asm.Advice;

/** After {@code startAsync}: registers the listener that ends the request's span. */
public final class StartAsyncAdvice {
  private StartAsyncAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This ServletRequest request, @Advice.Return AsyncContext asyncContext) {
    ServletTracer.startedAsync(request, asyncContext);
  }
}
