package dev.clew.instrumentation.jetty9;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.server.HttpChannel;

/** Around {@code Server.handle} (a request enters) and {@code handleAsync} (an async request is dispatched again). */
public final class ServerHandleAdvice {
  private ServerHandleAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin("#m") String method, @Advice.Argument(0) HttpChannel channel) {
    return "handle".equals(method) ? Jetty9Tracer.start(channel) : Jetty9Tracer.resume(channel);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object scope, @Advice.Argument(0) HttpChannel channel,
      @Advice.Thrown Throwable thrown) {
    Jetty9Tracer.exit(scope, channel, thrown);
  }
}
