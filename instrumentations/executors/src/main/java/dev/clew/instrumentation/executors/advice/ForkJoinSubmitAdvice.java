package dev.clew.instrumentation.executors.advice;

import dev.clew.instrumentation.executors.ContextHandOff;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;

/**
 * The ForkJoinPool method every external submission passes through ({@code externalPush}/
 * {@code externalSubmit} up to Java 17, {@code poolSubmit}/{@code lazySubmit}/{@code externalSubmit}
 * after); the task's position differs, hence one advice per position.
 */
public final class ForkJoinSubmitAdvice {
  private ForkJoinSubmitAdvice() {}

  public static final class Arg0 {
    private Arg0() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.This ForkJoinPool pool, @Advice.Argument(0) ForkJoinTask<?> task) {
      ContextHandOff.attach(pool, task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
    public static void exit(@Advice.Argument(0) ForkJoinTask<?> task, @Advice.Thrown Throwable rejected) {
      if (rejected != null) {
        ContextHandOff.forget(task);
      }
    }
  }

  public static final class Arg1 {
    private Arg1() {}

    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void enter(@Advice.This ForkJoinPool pool, @Advice.Argument(1) ForkJoinTask<?> task) {
      ContextHandOff.attach(pool, task);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class, inline = false)
    public static void exit(@Advice.Argument(1) ForkJoinTask<?> task, @Advice.Thrown Throwable rejected) {
      if (rejected != null) {
        ContextHandOff.forget(task);
      }
    }
  }
}
