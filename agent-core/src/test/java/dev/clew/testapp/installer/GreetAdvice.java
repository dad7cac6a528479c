package dev.clew.testapp.installer;

import dev.clew.testapp.calls.Calls;
import net.bytebuddy.asm.Advice;

public final class GreetAdvice {
  private GreetAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
  public static Object enter(@Advice.Origin("#t.#m") String method, @Advice.Argument(0) String name) {
    Calls.SEEN.add(method + "(" + name + ") in " + GreetAdvice.class.getClassLoader().getClass().getSimpleName());
    return name;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
  public static void exit(@Advice.Enter Object name, @Advice.Return String result) {
    Calls.SEEN.add("returned " + result);
  }
}
