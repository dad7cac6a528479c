package dev.clew.instrumentation.tomcat;

import net.bytebuddy.asm.Advice;
import org.apache.coyote.Request;
import org.apache.coyote.Response;

/**
 * Around {@code CoyoteAdapter.service} (the request enters the container) and {@code asyncDispatch} (an
 * async request goes on, times out or completes).
 */
public final class CoyoteAdapterAdvice {
  private CoyoteAdapterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin("#m") String method, @Advice.Argument(0) Request request) {
    return "service".equals(method) ? TomcatTracer.start(request) : TomcatTracer.resume(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object state, @Advice.Argument(0) Request request,
      @Advice.Argument(1) Response response, @Advice.Thrown Throwable thrown) {
    TomcatTracer.exit(state, request, response, thrown);
  }
}
