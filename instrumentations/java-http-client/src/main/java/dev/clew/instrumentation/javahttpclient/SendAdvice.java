package dev.clew.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code HttpClient.send}: the span covers the call; the request is replaced by one carrying the context. */
public final class SendAdvice {
  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(value = 0, index = 0,
      typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
    return JavaHttpClientTracer.enter(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object[] call, @Advice.Return HttpResponse<?> response,
      @Advice.Thrown Throwable thrown) {
    JavaHttpClientTracer.exitSend(call, response, thrown);
  }
}
