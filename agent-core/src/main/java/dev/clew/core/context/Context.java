package dev.clew.core.context;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * An immutable bag of what travels with a request: the current span, baggage, and any other value
 * under a {@link ContextKey}. {@link #current()} is the context of this thread; {@link #makeCurrent()}
 * replaces it until the returned scope is closed. The owner of a value reads it with its key (e.g.
 * {@code Span.fromContext(context)}); the context itself knows none of the types it carries.
 */
public final class Context {
  private static final Object[] NONE = new Object[0];
  private static final Context ROOT = new Context(null, null, NONE);

  // the value of a primary key (the span) sits in a field: reading it costs one comparison, no scan
  private final ContextKey<?> primaryKey;
  private final Object primaryValue;
  private final Object[] entries; // key0, value0, key1, value1 ...

  private Context(ContextKey<?> primaryKey, Object primaryValue, Object[] entries) {
    this.primaryKey = primaryKey;
    this.primaryValue = primaryValue;
    this.entries = entries;
  }

  /** The empty context: no span, nothing else. */
  public static Context root() {
    return ROOT;
  }

  public static Context current() {
    return ContextStorage.get().current();
  }

  public boolean isRoot() {
    return this == ROOT;
  }

  /** A context that also carries {@code value} under its own key; this context when {@code value} is null. */
  public Context with(ContextValue value) {
    return value == null ? this : value.storeIn(this);
  }

  /** The value under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(ContextKey<T> key) {
    if (key == primaryKey) {
      return (T) primaryValue;
    }
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        return (T) e[i + 1];
      }
    }
    return null;
  }

  /** A context like this one with {@code value} under {@code key} (this context when it already holds it). */
  public <T> Context with(ContextKey<T> key, T value) {
    if (key == primaryKey) {
      return value == primaryValue ? this : new Context(primaryKey, value, entries);
    }
    if (primaryKey == null && key.isPrimary()) {
      return new Context(key, value, entries);
    }
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        if (e[i + 1] == value) {
          return this;
        }
        Object[] copy = e.clone();
        copy[i + 1] = value;
        return new Context(primaryKey, primaryValue, copy);
      }
    }
    Object[] copy = Arrays.copyOf(e, e.length + 2);
    copy[e.length] = key;
    copy[e.length + 1] = value;
    return new Context(primaryKey, primaryValue, copy);
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
    String primary = primaryKey == null ? "" : primaryKey + "=" + primaryValue;
    String rest = entries.length == 0 ? "" : Arrays.toString(entries);
    return "Context{" + primary + (primary.isEmpty() || rest.isEmpty() ? "" : ", ") + rest + "}";
  }
}
