package dev.clew.instrumentation.servlet.javax;

import javax.servlet.ServletRequest;
import net.bytebuddy.asm.Advice;

/** After {@code startAsync}: a listener follows the request to its completion. */
public final class StartAsyncAdvice {
  private StartAsyncAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.This ServletRequest request) {
    JavaxServletAccessor.TRACER.startedAsync(request);
  }
}
