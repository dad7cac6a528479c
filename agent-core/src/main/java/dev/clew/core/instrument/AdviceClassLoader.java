package dev.clew.core.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.security.ProtectionDomain;

/**
 * Loads one module's advice and helper classes next to one library class loader: library types
 * resolve through that loader, agent types through the agent loader. One per (module, library
 * loader). It holds the library loader weakly so an undeployed web application can still be collected.
 * Helpers are defined in the module's own protection domain (the agent jar, or the extension's jar), so
 * a SecurityManager policy that grants the agent grants its advice too.
 */
final class AdviceClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final WeakReference<ClassLoader> target;
  private final boolean targetIsBootstrap;
  private final ClassLoader agentLoader;
  private final ClassLoader moduleLoader;
  private final String[] helperPrefixes;
  private final String moduleClass;
  private final ProtectionDomain domain;

  /**
   * @param moduleLoader the loader of the module's own classes: the agent loader, or an extension's loader
   * @param moduleClass the module's class, never a helper: it hands the configuration it read to the helpers
   *     of every class loader, so there must be one of it
   */
  AdviceClassLoader(ClassLoader target, ClassLoader agentLoader, ClassLoader moduleLoader, String[] helperPrefixes,
      String moduleClass, ProtectionDomain domain) {
    super(null);
    this.domain = domain;
    this.target = new WeakReference<>(target);
    this.targetIsBootstrap = target == null;
    this.agentLoader = agentLoader;
    this.moduleLoader = moduleLoader;
    this.helperPrefixes = helperPrefixes;
    this.moduleClass = moduleClass;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (name.equals(moduleClass)) {
          c = moduleLoader.loadClass(name);
        } else if (isHelper(name)) {
          c = defineHelper(name);
        } else if (name.startsWith("dev.clew.")) {
          c = moduleLoader.loadClass(name);
        } else {
          c = fromLibrary(name);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private boolean isHelper(String name) {
    for (String p : helperPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private Class<?> fromLibrary(String name) throws ClassNotFoundException {
    ClassLoader t = target.get();
    try {
      if (t != null) {
        return t.loadClass(name);
      }
      if (targetIsBootstrap) {
        return Class.forName(name, false, agentLoader.getParent());
      }
    } catch (ClassNotFoundException e) {
      // not a library class: maybe a relocated dependency of the agent
    }
    return agentLoader.loadClass(name);
  }

  private Class<?> defineHelper(String name) throws ClassNotFoundException {
    final String path = name.replace('.', '/') + ".class";
    // the loading thread may be the application's: read the agent's jar with the agent's permissions
    byte[] bytes = System.getSecurityManager() == null ? read(path) : AccessController.doPrivileged(
        new PrivilegedAction<byte[]>() {
          @Override
          public byte[] run() {
            return read(path);
          }
        });
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  private byte[] read(String path) {
    try (InputStream in = moduleLoader.getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) != -1) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public java.net.URL getResource(String name) {
    ClassLoader t = target.get();
    java.net.URL url = t != null ? t.getResource(name) : null;
    return url != null ? url : agentLoader.getResource(name);
  }
}
