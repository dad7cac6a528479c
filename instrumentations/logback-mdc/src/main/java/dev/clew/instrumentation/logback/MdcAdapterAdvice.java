package dev.clew.instrumentation.logback;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import net.bytebuddy.asm.Advice;

/** A Logback MDC adapter was created: keep it in step with the current span. */
public final class MdcAdapterAdvice {
  private MdcAdapterAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  public static void exit(@Advice.This LogbackMDCAdapter adapter) {
    LogbackMdc.follow(adapter);
  }
}
