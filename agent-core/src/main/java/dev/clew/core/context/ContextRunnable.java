package dev.clew.core.context;

/**
 * A task handed to another thread together with the context it was submitted in: that context is
 * current while the task runs, and the worker's own context is restored afterwards. Instrumentation
 * recognises it with {@code instanceof} so a task is never wrapped twice.
 */
public final class ContextRunnable implements Runnable {
  private final Context context;
  private final Runnable delegate;

  ContextRunnable(Context context, Runnable delegate) {
    this.context = context;
    this.delegate = delegate;
  }

  public Runnable delegate() {
    return delegate;
  }

  public Context context() {
    return context;
  }

  @Override
  public void run() {
    Scope scope = context.makeCurrent();
    try {
      delegate.run();
    } finally {
      scope.close();
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
