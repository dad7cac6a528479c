package dev.clew.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import okhttp3.Call;
import okhttp3.Callback;

/** {@code Call.enqueue}: hands the caller's context to the dispatcher thread and to the callback. */
public final class EnqueueAdvice {
  private EnqueueAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(value = 0,
      typing = Assigner.Typing.DYNAMIC))
  public static Object enter(@Advice.This Call call, @Advice.Argument(0) Callback callback) {
    return OkHttpTracer.enqueue(call, callback);
  }
}
