package dev.clew.instrumentation.apachehttpclient5;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/** Async {@code doExecute}: producer, consumer and callback are replaced by tracing ones. */
public final class AsyncExecuteAdvice {
  private AsyncExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments({
      @Advice.AssignReturned.ToArguments.ToArgument(value = 1, index = 0, typing = Assigner.Typing.DYNAMIC),
      @Advice.AssignReturned.ToArguments.ToArgument(value = 2, index = 1, typing = Assigner.Typing.DYNAMIC),
      @Advice.AssignReturned.ToArguments.ToArgument(value = 5, index = 2, typing = Assigner.Typing.DYNAMIC)})
  public static Object[] enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) AsyncRequestProducer producer,
      @Advice.Argument(2) AsyncResponseConsumer<?> consumer, @Advice.Argument(5) FutureCallback<?> callback) {
    return ApacheHttpClient5Tracer.startAsync(target, producer, consumer, callback);
  }
}
