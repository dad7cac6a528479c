package dev.clew.instrumentation.apachehttpclient5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/** Classic {@code doExecute}: the span covers the call. */
public final class ClassicExecuteAdvice {
  private ClassicExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Argument(0) HttpHost target, @Advice.Argument(1) ClassicHttpRequest request) {
    return ApacheHttpClient5Tracer.startClassic(target, request);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object call, @Advice.Return Object response, @Advice.Thrown Throwable thrown) {
    ApacheHttpClient5Tracer.endClassic(call, response, thrown);
  }
}
