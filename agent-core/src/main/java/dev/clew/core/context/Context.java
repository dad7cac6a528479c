package dev.clew.core.context;

import dev.clew.core.trace.Span;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * An immutable bag of what travels with a request: the current span, baggage, and any other value
 * under a {@link ContextKey}. {@link #current()} is the context of this thread; {@link #makeCurrent()}
 * replaces it until the returned scope is closed.
 */
public final class Context {
  private static final Object[] NONE = new Object[0];
  private static final Context ROOT = new Context(Span.invalid(), NONE);

  private final Span span;
  private final Object[] entries; // key0, value0, key1, value1 ...

  private Context(Span span, Object[] entries) {
    this.span = span;
    this.entries = entries;
  }

  /** The empty context: no span, nothing else. */
  public static Context root() {
    return ROOT;
  }

  public static Context current() {
    return ContextStorage.get().current();
  }

  public Span span() {
    return span;
  }

  public boolean isRoot() {
    return this == ROOT;
  }

  public Context with(Span newSpan) {
    if (newSpan == span) {
      return this;
    }
    return new Context(newSpan == null ? Span.invalid() : newSpan, entries);
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ContextKey<T> key) {
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        return (T) e[i + 1];
      }
    }
    return null;
  }

  public <T> Context with(ContextKey<T> key, T value) {
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        if (e[i + 1] == value) {
          return this;
        }
        Object[] copy = e.clone();
        copy[i + 1] = value;
        return new Context(span, copy);
      }
    }
    Object[] copy = Arrays.copyOf(e, e.length + 2);
    copy[e.length] = key;
    copy[e.length + 1] = value;
    return new Context(span, copy);
  }

  /** Makes this the current context of the thread until the scope is closed. */
  public Scope makeCurrent() {
    return ContextStorage.get().attach(this);
  }

  /** A runnable that runs {@code r} with this context current; for hand-off to other threads. */
  public Runnable wrap(Runnable r) {
    return new ContextRunnable(this, r);
  }

  /** A callable that calls {@code c} with this context current; for hand-off to other threads. */
  public <V> Callable<V> wrap(Callable<V> c) {
    return new ContextCallable<>(this, c);
  }

  @Override
  public String toString() {
    return "Context{" + span + (entries.length == 0 ? "" : ", " + Arrays.toString(entries)) + "}";
  }
}
