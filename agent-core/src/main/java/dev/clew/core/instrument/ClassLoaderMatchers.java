package dev.clew.core.instrument;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/** Class-loader pre-filters: cheap checks, cached per loader, that spare the type matchers most work. */
public final class ClassLoaderMatchers {
  private ClassLoaderMatchers() {}

  /** True for loaders that can see all the named classes (as resources: nothing is loaded). */
  public static ElementMatcher<ClassLoader> hasClassesNamed(String... classNames) {
    return new HasClasses(classNames);
  }

  private static final class HasClasses implements ElementMatcher<ClassLoader> {
    private final String[] resources;
    private final Map<ClassLoader, Boolean> cache = new WeakHashMap<>();
    private volatile Boolean bootstrap;

    HasClasses(String[] classNames) {
      resources = new String[classNames.length];
      for (int i = 0; i < classNames.length; i++) {
        resources[i] = classNames[i].replace('.', '/') + ".class";
      }
    }

    @Override
    public boolean matches(ClassLoader loader) {
      if (loader == null) {
        Boolean b = bootstrap;
        if (b == null) {
          bootstrap = b = check(null);
        }
        return b;
      }
      synchronized (cache) {
        Boolean b = cache.get(loader);
        if (b != null) {
          return b;
        }
      }
      boolean result = check(loader);
      synchronized (cache) {
        cache.put(loader, result);
      }
      return result;
    }

    private boolean check(ClassLoader loader) {
      for (String r : resources) {
        boolean found = loader == null ? ClassLoader.getSystemResource(r) != null && isBootOrPlatform(r)
            : loader.getResource(r) != null;
        if (!found) {
          return false;
        }
      }
      return true;
    }

    private static boolean isBootOrPlatform(String resource) {
      try {
        Class.forName(resource.substring(0, resource.length() - 6).replace('/', '.'), false, null);
        return true;
      } catch (Throwable t) {
        return false;
      }
    }
  }
}
