package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import net.bytebuddy.asm.Advice;

/**
 * {@code new Thread(..., runnable, ...)}, platform and virtual: the thread runs its task in the context
 * it was created in, unless a thread factory, a pool or a {@code Thread} subclass is making it. The Runnable's
 * position differs between constructors and JDK versions, hence one advice per position. Every platform thread's
 * construction passes one of these constructors, whose exit clears the subclass mark.
 */
public final class ThreadConstructorAdvice {
  private ThreadConstructorAdvice() {}

  public static final class Arg0 {
    private Arg0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(0))
    public static Runnable enter(@Advice.Argument(0) Runnable task) {
      return ContextHandOff.wrapThreadTask(task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit() {
      ContextHandOff.threadConstructed();
    }
  }

  public static final class Arg1 {
    private Arg1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(1))
    public static Runnable enter(@Advice.Argument(1) Runnable task) {
      return ContextHandOff.wrapThreadTask(task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit() {
      ContextHandOff.threadConstructed();
    }
  }

  public static final class Arg2 {
    private Arg2() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(2))
    public static Runnable enter(@Advice.Argument(2) Runnable task) {
      return ContextHandOff.wrapThreadTask(task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit() {
      ContextHandOff.threadConstructed();
    }
  }

  public static final class Arg3 {
    private Arg3() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(@Advice.AssignReturned.ToArguments.ToArgument(3))
    public static Runnable enter(@Advice.Argument(3) Runnable task) {
      return ContextHandOff.wrapThreadTask(task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, inline = false)
    public static void exit() {
      ContextHandOff.threadConstructed();
    }
  }
}
