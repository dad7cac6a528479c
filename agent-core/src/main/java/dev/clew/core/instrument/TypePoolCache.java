package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import dev.clew.core.util.WeakIdentityMap;
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
 * transformed, which is mostly start-up. Once class loading goes quiet ({@link ClassLoadingQuiet}: no class
 * defined or transformed for 10 s), they are all dropped; the next transformation starts new ones. Loaders are held
 * weakly, and what the cache holds reaches its loader only weakly (see {@link SeenClassFiles}), so a discarded
 * loader is collected with its cache.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final ClassLoadingQuiet quiet;
  private final WeakIdentityMap<ClassLoader, TypePool.CacheProvider> caches = new WeakIdentityMap<>();
  private volatile TypePool.CacheProvider bootstrap;
  /** Types described into the caches since they were last dropped (for the debug log). */
  private final AtomicInteger described = new AtomicInteger();

  /** Dropped once class loading goes quiet, as {@code quiet} tells. */
  TypePoolCache(ClassLoadingQuiet quiet) {
    super(TypePool.Default.ReaderMode.FAST);
    this.quiet = quiet;
    quiet.onQuiet(this::dropAll);
  }

  /** Dropped once no transformation asked for a pool for {@code quietNanos} (for tests). */
  TypePoolCache(long quietNanos) {
    this(new ClassLoadingQuiet(quietNanos));
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    quiet.activity();
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

  private void dropAll() {
    int loaders = cachedLoaders();
    clear();
    AgentLog.debug("type pool caches dropped after " + quiet.quietSeconds() + " s without classes defined or"
        + " transformed: " + loaders + " class loaders, " + described.getAndSet(0) + " types");
  }
}
