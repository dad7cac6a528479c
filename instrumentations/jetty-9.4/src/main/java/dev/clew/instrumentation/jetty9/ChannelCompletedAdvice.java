package dev.clew.instrumentation.jetty9;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.server.HttpChannel;

/** {@code HttpChannel.onCompleted}: the exchange is over, before the channel recycles its request. */
public final class ChannelCompletedAdvice {
  private ChannelCompletedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static void enter(@Advice.This HttpChannel channel) {
    Jetty9Tracer.completed(channel);
  }
}
