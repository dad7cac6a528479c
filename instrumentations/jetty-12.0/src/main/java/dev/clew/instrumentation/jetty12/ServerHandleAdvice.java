package dev.clew.instrumentation.jetty12;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Around {@code Server.handle}: the request enters the server. */
public final class ServerHandleAdvice {
  private ServerHandleAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) Request request, @Advice.Argument(1) Response response) {
    return Jetty12Tracer.start(request, response);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
    Jetty12Tracer.exit(call, thrown);
  }
}
