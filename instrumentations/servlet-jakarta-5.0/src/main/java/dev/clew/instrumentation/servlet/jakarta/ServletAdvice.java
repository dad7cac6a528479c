package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.instrumentation.servlet.ServletTracer;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;

/** Around every filter and servlet entry; {@link ServletTracer} keeps one SERVER span per request. */
public final class ServletAdvice {
  private ServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    return JakartaServletAccessor.TRACER.enter(request, response);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    ServletTracer.exit(call, thrown);
  }
}
