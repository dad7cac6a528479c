package dev.clew.core.context;

import java.util.concurrent.Callable;

/** The {@link java.util.concurrent.Callable} twin of {@link ContextRunnable}. */
public final class ContextCallable<V> implements Callable<V> {
  private final Context context;
  private final Callable<V> delegate;

  ContextCallable(Context context, Callable<V> delegate) {
    this.context = context;
    this.delegate = delegate;
  }

  public Callable<V> delegate() {
    return delegate;
  }

  @Override
  public V call() throws Exception {
    Scope scope = context.makeCurrent();
    try {
      return delegate.call();
    } finally {
      scope.close();
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
