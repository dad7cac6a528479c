package dev.clew.instrumentation.otelapi;

import net.bytebuddy.asm.Advice;

/** The application's {@code GlobalOpenTelemetry.set(...)} is skipped (with one warning): clew stays the global. */
public final class GlobalSetAdvice {
  private GlobalSetAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static boolean enter(@Advice.Argument(0) Object applicationsOwn) {
    BridgedOpenTelemetry.ignoreSet(applicationsOwn);
    return true;
  }
}
