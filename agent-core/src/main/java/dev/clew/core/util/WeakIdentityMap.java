package dev.clew.core.util;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Attaches a value to an application object without keeping it alive: keys are compared by identity
 * (wrappers and proxies may override {@code equals}) and held weakly, so an entry goes away once its key
 * is garbage collected. Stale entries are purged on writes (by one writer at a time) and on {@link #size()}.
 * Thread-safe.
 * For instrumentation that cannot add a field to the class (e.g. SQL remembered per JDBC statement).
 */
public final class WeakIdentityMap<K, V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  // ReferenceQueue.poll locks the queue while references are pending: writers that all purged queued up on
  // that lock after every GC (JFR, the servlet benchmark's request threads). One purges, the others go on.
  private final AtomicBoolean purging = new AtomicBoolean();

  public V get(K key) {
    return key == null ? null : map.get(new Lookup(key));
  }

  public void put(K key, V value) {
    if (key == null || value == null) {
      return;
    }
    purgeByOneWriter();
    map.put(new WeakKey(key, queue), value);
  }

  /** The value already attached, or {@code value} after attaching it. */
  public V putIfAbsent(K key, V value) {
    V existing = get(key);
    if (existing != null || key == null) {
      return existing;
    }
    purgeByOneWriter();
    existing = map.putIfAbsent(new WeakKey(key, queue), value);
    return existing != null ? existing : value;
  }

  public V remove(K key) {
    purgeByOneWriter();
    return key == null ? null : map.remove(new Lookup(key));
  }

  /** Removes every entry. */
  public void clear() {
    map.clear();
    purgeByOneWriter(); // references of the removed keys may still be queued
  }

  /** The values, as the map changes (weakly consistent, as {@link ConcurrentHashMap#values()}); read-only. */
  public Collection<V> values() {
    return Collections.unmodifiableCollection(map.values());
  }

  /** Live entries (after purging those whose key was collected). */
  public int size() {
    purge();
    return map.size();
  }

  private void purgeByOneWriter() {
    if (purging.compareAndSet(false, true)) {
      try {
        purge();
      } finally {
        purging.set(false);
      }
    }
  }

  private void purge() {
    for (Object ref = queue.poll(); ref != null; ref = queue.poll()) {
      map.remove(ref);
    }
  }

  /** What a key (stored or lookup) stands for; null once collected. */
  private static Object referent(Object key) {
    return key instanceof WeakKey ? ((WeakKey) key).get() : key instanceof Lookup ? ((Lookup) key).referent : null;
  }

  private static boolean sameReferent(Object key, Object other) {
    Object r = referent(key);
    return r != null && r == referent(other);
  }

  /** The stored key: equal to itself (for purging) and to any key of the same live referent. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || sameReferent(this, o);
    }
  }

  /** A short-lived strong key for reads; never stored. */
  private static final class Lookup {
    private final Object referent;

    Lookup(Object referent) {
      this.referent = referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || sameReferent(this, o);
    }
  }
}
