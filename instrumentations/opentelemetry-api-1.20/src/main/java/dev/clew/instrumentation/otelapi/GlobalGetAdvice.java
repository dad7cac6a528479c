package dev.clew.instrumentation.otelapi;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The global OpenTelemetry is clew's: no autoconfiguration, no no-op instance set as the global. */
public final class GlobalGetAdvice {
  private GlobalGetAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static Object enter() {
    return BridgedOpenTelemetry.INSTANCE;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Enter Object bridge,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object original) {
    return bridge != null ? bridge : original;
  }
}
