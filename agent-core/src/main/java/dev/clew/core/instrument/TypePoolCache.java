package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import dev.clew.core.util.AgentThread;
import dev.clew.core.util.WeakIdentityMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * One type pool cache per class loader instead of one per transformation: the classes handed to Byte Buddy
 * share ancestors (a web framework's filters over one base class, a driver's proxies), which are then read and
 * parsed once per loader, not once per subclass. The class being transformed is never taken from the cache
 * (Byte Buddy describes it from the bytes being defined), so a class redefined later is described afresh.
 *
 * <p>Bounded in time rather than size: the caches are only worth their heap while classes are being
 * transformed, which is mostly start-up. Once no transformation asked for a pool for {@link #QUIET_NANOS},
 * a short-lived daemon thread drops them all; the next transformation starts new ones. Loaders are held
 * weakly, and what the cache holds reaches its loader only weakly (see {@link SeenClassFiles}), so a discarded
 * loader is collected with its cache.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  /** How long without transformations before the caches are dropped. */
  static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final long quietNanos;
  private final WeakIdentityMap<ClassLoader, TypePool.CacheProvider> caches = new WeakIdentityMap<>();
  private volatile TypePool.CacheProvider bootstrap;
  private volatile long lastUse;
  private final AtomicBoolean cleanerRunning = new AtomicBoolean();
  /** Types described into the caches since they were last dropped (for the debug log). */
  private final AtomicInteger described = new AtomicInteger();

  TypePoolCache() {
    this(QUIET_NANOS);
  }

  TypePoolCache(long quietNanos) {
    super(TypePool.Default.ReaderMode.FAST);
    this.quietNanos = quietNanos;
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    lastUse = System.nanoTime();
    if (!cleanerRunning.get() && cleanerRunning.compareAndSet(false, true)) {
      startCleaner();
    }
    if (loader == null) {
      TypePool.CacheProvider c = bootstrap;
      if (c == null) {
        bootstrap = c = new Counting();
      }
      return c;
    }
    TypePool.CacheProvider c = caches.get(loader);
    return c != null ? c : caches.putIfAbsent(loader, new Counting());
  }

  /** A loader's cache, which counts what it takes in. */
  private final class Counting extends TypePool.CacheProvider.Simple {
    Counting() {
      super.register(Object.class.getName(), new TypePool.Resolution.Simple(TypeDescription.ForLoadedType.of(Object.class)));
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      described.incrementAndGet();
      return super.register(name, resolution);
    }
  }

  /** Drops every loader's cache (transformations under way go on with theirs, then read afresh). */
  void clear() {
    bootstrap = null;
    caches.clear();
  }

  /** Loaders with a cache (for tests). */
  int cachedLoaders() {
    return caches.size() + (bootstrap == null ? 0 : 1);
  }

  private void startCleaner() {
    try {
      new AgentThread(this::clearWhenQuiet, "clew-type-pool-cleaner").start();
    } catch (Throwable t) {
      cleanerRunning.set(false); // the caches stay until the next transformation tries again
    }
  }

  private void clearWhenQuiet() {
    try {
      for (long idle; (idle = System.nanoTime() - lastUse) < quietNanos; ) {
        TimeUnit.NANOSECONDS.sleep(quietNanos - idle);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // flag first: a transformation from now on starts a new cleaner, so nothing it caches stays for good
      cleanerRunning.set(false);
      int loaders = cachedLoaders();
      clear();
      AgentLog.debug("type pool caches dropped after " + TimeUnit.NANOSECONDS.toSeconds(quietNanos)
          + " s without transformations: " + loaders + " class loaders, " + described.getAndSet(0) + " types");
    }
  }
}
