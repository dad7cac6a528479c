package dev.clew.instrumentation.grpc;

import io.grpc.ServerBuilder;
import net.bytebuddy.asm.Advice;

/** {@code build()} of a server builder: every call gets the tracing interceptor as its outermost one. */
public final class ServerBuildAdvice {
  private ServerBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This ServerBuilder<?> builder) {
    BuilderInterceptors.enterBuild(builder);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit() {
    BuilderInterceptors.exitBuild();
  }
}
