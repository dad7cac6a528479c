package dev.clew.core.instrument;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A class-loader matcher whose answer is computed once per loader and cached (weakly, so a discarded
 * loader is not kept alive). The bootstrap loader is passed as null.
 */
abstract class PerLoaderMatcher implements ElementMatcher<ClassLoader> {
  private final Map<ClassLoader, Boolean> results = new WeakHashMap<>();
  private volatile Boolean bootstrapResult;

  /** The uncached answer for one loader (null for the bootstrap loader). */
  protected abstract boolean compute(ClassLoader loader);

  @Override
  public final boolean matches(ClassLoader loader) {
    if (loader == null) {
      Boolean b = bootstrapResult;
      if (b == null) {
        bootstrapResult = b = compute(null);
      }
      return b;
    }
    synchronized (results) {
      Boolean b = results.get(loader);
      if (b != null) {
        return b;
      }
    }
    boolean result = compute(loader);
    synchronized (results) {
      results.put(loader, result);
    }
    return result;
  }
}
