package dev.clew.core.instrument;

import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks, once per class loader, that the library classes and methods a module relies on are there
 * ("muzzle-lite"), when a type the module would instrument is found there. A loader that fails the check
 * is skipped for that module, with one debug line.
 */
final class ReferenceMatcher extends PerLoaderMatcher {
  private final InstrumentationModule module;
  private final List<String> references;

  ReferenceMatcher(InstrumentationModule module) {
    this.module = module;
    this.references = module.requiredReferences();
  }

  @Override
  protected boolean compute(ClassLoader loader) {
    ClassFileLocator locator = loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
        : ClassFileLocator.ForClassLoader.of(loader);
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    List<String> missing = new ArrayList<>();
    for (String ref : references) {
      int hash = ref.indexOf('#');
      String type = hash < 0 ? ref : ref.substring(0, hash);
      TypePool.Resolution resolution = pool.describe(type);
      if (!resolution.isResolved()) {
        missing.add(ref);
        continue;
      }
      if (hash >= 0 && !hasMethod(resolution.resolve(), ref.substring(hash + 1))) {
        missing.add(ref);
      }
    }
    if (!missing.isEmpty()) {
      AgentLog.debug("instrumentation '" + module.name() + "' skipped for "
          + (loader == null ? "the bootstrap class loader" : "class loader " + loader)
          + ": the library version there lacks " + missing);
      return false;
    }
    return true;
  }

  private static boolean hasMethod(TypeDefinition type, String method) {
    try {
      for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
        for (MethodDescription m : t.getDeclaredMethods()) {
          if (m.getName().equals(method)) {
            return true;
          }
        }
        for (TypeDescription.Generic i : t.getInterfaces()) {
          if (hasMethod(i, method)) {
            return true;
          }
        }
      }
    } catch (RuntimeException unresolvable) {
      return false;
    }
    return false;
  }
}
