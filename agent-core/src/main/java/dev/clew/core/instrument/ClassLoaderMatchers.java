package dev.clew.core.instrument;

import net.bytebuddy.matcher.ElementMatcher;

/** Class-loader pre-filters: cheap checks, cached per loader, that spare the type matchers most work. */
public final class ClassLoaderMatchers {
  private ClassLoaderMatchers() {}

  /** True for loaders that can see all the named classes (as resources: nothing is loaded). */
  public static ElementMatcher<ClassLoader> hasClassesNamed(String... classNames) {
    return new HasClasses(classNames);
  }

  private static final class HasClasses extends PerLoaderMatcher {
    private final String[] resources;

    HasClasses(String[] classNames) {
      resources = new String[classNames.length];
      for (int i = 0; i < classNames.length; i++) {
        resources[i] = classNames[i].replace('.', '/') + ".class";
      }
    }

    @Override
    protected boolean compute(ClassLoader loader) {
      for (String r : resources) {
        boolean found = loader == null ? isBootstrapClass(r) : loader.getResource(r) != null;
        if (!found) {
          return false;
        }
      }
      return true;
    }

    /** The bootstrap loader has no resource lookup of its own; ask it for the class (not initialised). */
    private static boolean isBootstrapClass(String resource) {
      try {
        Class.forName(resource.substring(0, resource.length() - 6).replace('/', '.'), false, null);
        return true;
      } catch (Throwable t) {
        return false;
      }
    }
  }
}
