package com.acme.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Supplier;

/**
 * Loads {@link PluginWork} through a child-first URLClassLoader over this application's own class
 * directory (as web containers and plugin systems do), so the class exists twice: once in the application
 * class loader, unused, and once in the child-first loader, where it runs.
 */
public final class PluginHost {
  public static void main(String[] args) throws Exception {
    URL self = PluginHost.class.getProtectionDomain().getCodeSource().getLocation();
    try (ChildFirstLoader loader = new ChildFirstLoader(new URL[] {self}, PluginHost.class.getClassLoader())) {
      @SuppressWarnings("unchecked")
      Supplier<String> work = (Supplier<String>) loader.loadClass("com.acme.plugin.PluginWork")
          .getDeclaredConstructor().newInstance();
      System.out.println("isolated " + (work.getClass() != PluginWork.class));
      System.out.println("result " + work.get());
    }
  }

  /** Looks in its own URLs first for com.acme.plugin classes, then delegates to the parent. */
  static final class ChildFirstLoader extends URLClassLoader {
    ChildFirstLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && name.startsWith("com.acme.plugin.")) {
          c = findClass(name);
        }
        if (c == null) {
          return super.loadClass(name, resolve);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
