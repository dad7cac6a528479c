package dev.clew.instrumentation.otelapi;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The API's context storage is clew's: the original body does not run. */
public final class ContextStorageAdvice {
  private ContextStorageAdvice() {}

  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class, inline = false)
  public static Object enter() {
    return BridgedContextStorage.INSTANCE;
  }

  /** When the enter advice failed (suppressed), the API's own storage is returned unchanged. */
  @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
  @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
  public static Object exit(@Advice.Enter Object bridge,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object original) {
    return bridge != null ? bridge : original;
  }
}
