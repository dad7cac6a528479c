package dev.clew.core.context;

import dev.clew.core.log.AgentLog;
import java.util.Arrays;

/**
 * Holds the current {@link Context} of each thread. Scopes must be closed in reverse order on the
 * thread that opened them; a scope closed out of order is reported (once per call site kind, not per
 * call) and the context it replaced is restored anyway, so a bug in one place cannot leak a context
 * into the next task of a pooled thread. Listeners see every change of the current context (used for
 * log correlation).
 */
public final class ContextStorage {
  /** Told whenever a thread's current context changes; must be fast and must not throw. */
  public interface Listener {
    void onChange(Context previous, Context next);
  }

  private static final Listener[] NO_LISTENERS = new Listener[0]; // before INSTANCE: its constructor reads it
  private static final ContextStorage INSTANCE = new ContextStorage();
  private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

  // an array, not a list: notifying must not allocate an iterator on every context change
  private volatile Listener[] listeners = NO_LISTENERS;

  private ContextStorage() {}

  public static ContextStorage get() {
    return INSTANCE;
  }

  public Context current() {
    Context c = CURRENT.get();
    return c == null ? Context.root() : c;
  }

  /** Adds a listener; it is told about changes from now on (threads already in a context are not replayed). */
  public synchronized void addListener(Listener l) {
    Listener[] now = listeners;
    Listener[] more = Arrays.copyOf(now, now.length + 1);
    more[now.length] = l;
    listeners = more;
  }

  public synchronized void removeListener(Listener l) {
    Listener[] now = listeners;
    for (int i = 0; i < now.length; i++) {
      if (now[i] == l) {
        Listener[] less = new Listener[now.length - 1];
        System.arraycopy(now, 0, less, 0, i);
        System.arraycopy(now, i + 1, less, i, now.length - i - 1);
        listeners = less;
        return;
      }
    }
  }

  public Scope attach(Context next) {
    Context previous = CURRENT.get();
    Context before = previous == null ? Context.root() : previous;
    if (before == next) {
      return Scope.NOOP;
    }
    CURRENT.set(next);
    notifyChange(before, next);
    return new ThreadScope(before, next);
  }

  private void notifyChange(Context previous, Context next) {
    Listener[] ls = listeners;
    for (int i = 0; i < ls.length; i++) {
      try {
        ls[i].onChange(previous, next);
      } catch (Throwable t) {
        AgentLog.warnThrottled("context-listener", "context listener failed: " + t);
      }
    }
  }

  private final class ThreadScope implements Scope {
    private final Context previous;
    private final Context attached;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    ThreadScope(Context previous, Context attached) {
      this.previous = previous;
      this.attached = attached;
    }

    @Override
    public void close() {
      if (Thread.currentThread() != owner) {
        // not closed: the owner may still close it (only the owner's close counts)
        AgentLog.warnThrottled("scope-thread",
            "a scope was closed on another thread than the one that opened it; ignored");
        return;
      }
      if (closed) {
        return;
      }
      closed = true;
      Context now = current();
      if (now != attached) {
        AgentLog.warnThrottled("scope-order",
            "scopes closed out of order: restoring the context this scope replaced");
      }
      CURRENT.set(previous.isRoot() ? null : previous);
      notifyChange(now, previous);
    }
  }
}
