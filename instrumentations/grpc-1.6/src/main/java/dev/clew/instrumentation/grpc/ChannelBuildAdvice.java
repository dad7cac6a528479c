package dev.clew.instrumentation.grpc;

import io.grpc.ManagedChannelBuilder;
import net.bytebuddy.asm.Advice;

/** {@code build()} of a channel builder: the channel gets the tracing interceptor as its outermost one. */
public final class ChannelBuildAdvice {
  private ChannelBuildAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This ManagedChannelBuilder<?> builder) {
    BuilderInterceptors.enterBuild(builder);
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit() {
    BuilderInterceptors.exitBuild();
  }
}
