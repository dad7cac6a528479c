package dev.clew.instrumentation.javahttpclient;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** {@code HttpClient.sendAsync}: the span ends with the returned future, which is replaced by one that completes in the caller's context. */
public final class SendAsyncAdvice {
  private SendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(value = 0, index = 0,
      typing = Assigner.Typing.DYNAMIC))
  public static Object[] enter(@Advice.Argument(0) HttpRequest request) {
    return JavaHttpClientTracer.enter(request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Enter Object[] call, @Advice.Return CompletableFuture<?> future,
      @Advice.Thrown Throwable thrown) {
    return JavaHttpClientTracer.exitSendAsync(call, future, thrown);
  }
}
