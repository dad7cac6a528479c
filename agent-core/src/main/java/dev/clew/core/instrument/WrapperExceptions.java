package dev.clew.core.instrument;

/**
 * Finds the application's own exception inside the wrappers containers and frameworks put around
 * it ({@code ServletException: Request processing failed: ...}), so spans record what the
 * application threw: {@code exception.type} and {@code error.type} name it, not the wrapper.
 */
public final class WrapperExceptions {
  /** Wrappers by exact class name (a subclass is the application's own); some are not on the agent's class path. */
  private static final String[] WRAPPERS = {
    "javax.servlet.ServletException",
    "jakarta.servlet.ServletException",
    "org.springframework.web.util.NestedServletException",
    "java.lang.reflect.UndeclaredThrowableException",
    "java.lang.reflect.InvocationTargetException",
    "java.util.concurrent.CompletionException",
    "java.util.concurrent.ExecutionException",
  };
  /** Enough for any real nesting; guards against cause cycles. */
  private static final int MAX_DEPTH = 8;

  private WrapperExceptions() {}

  /** The innermost non-wrapper exception of {@code t}: {@code t} itself when it is no wrapper or has no cause. */
  public static Throwable unwrap(Throwable t) {
    Throwable current = t;
    for (int i = 0; i < MAX_DEPTH && current != null; i++) {
      Throwable cause = current.getCause();
      if (cause == null || cause == current || !isWrapper(current.getClass().getName())) {
        return current;
      }
      current = cause;
    }
    return current;
  }

  private static boolean isWrapper(String className) {
    for (String wrapper : WRAPPERS) {
      if (wrapper.equals(className)) {
        return true;
      }
    }
    return false;
  }
}
