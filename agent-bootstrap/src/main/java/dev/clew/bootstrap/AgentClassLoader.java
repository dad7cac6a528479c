package dev.clew.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.AccessController;
import java.security.CodeSource;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Enumeration;

/**
 * Loads the agent's internals (core, instrumentation modules, relocated Byte Buddy, ASM, Jackson).
 * In the agent jar they are stored under {@code inst/} as {@code .classdata} files, so neither the
 * system class loader nor a class-path scanner of the application ever sees them. Classes are defined
 * with the agent jar as code source, so a SecurityManager policy that grants the agent jar AllPermission
 * covers them; the jar is read in a privileged block, as the thread that triggers loading may be the
 * application's, with fewer permissions.
 */
public final class AgentClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String prefix;
  private final ProtectionDomain domain;

  public AgentClassLoader(URL[] urls, String prefix) {
    this(urls, prefix, platformLoader());
  }

  /** With another parent: {@code java -jar} has no bootstrap path to append to, the jar's class loader serves. */
  public AgentClassLoader(URL[] urls, String prefix, ClassLoader parent) {
    super(urls, parent);
    this.prefix = prefix;
    this.domain = new ProtectionDomain(new CodeSource(urls[0], (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(final String name) throws ClassNotFoundException {
    if (System.getSecurityManager() == null) {
      return define(name);
    }
    try {
      return AccessController.doPrivileged(new PrivilegedExceptionAction<Class<?>>() {
        @Override
        public Class<?> run() throws ClassNotFoundException {
          return define(name);
        }
      });
    } catch (PrivilegedActionException e) {
      throw (ClassNotFoundException) e.getException();
    }
  }

  private Class<?> define(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    URL url = super.findResource(prefix + path + ".classdata");
    if (url == null) {
      url = super.findResource(prefix + path + ".class");
    }
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = readAll(in);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageFor(name);
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  private void definePackageFor(String className) {
    int dot = className.lastIndexOf('.');
    if (dot > 0) {
      String pkg = className.substring(0, dot);
      synchronized (this) {
        if (getPackage(pkg) == null) {
          try {
            definePackage(pkg, null, null, null, null, null, null, null);
          } catch (IllegalArgumentException alreadyDefined) {
            // raced with another thread: fine
          }
        }
      }
    }
  }

  /** Resources: {@code X.class} is answered from {@code X.classdata} so Byte Buddy can read advice bytes. */
  @Override
  public URL findResource(String name) {
    URL url = super.findResource(prefix + name);
    if (url == null && name.endsWith(".class")) {
      url = super.findResource(prefix + name.substring(0, name.length() - 6) + ".classdata");
    }
    return url;
  }

  @Override
  public Enumeration<URL> findResources(String name) throws IOException {
    return super.findResources(prefix + name);
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** The platform class loader on 9+ (java.sql, java.net.http live there), the bootstrap loader on 8. */
  static ClassLoader platformLoader() {
    try {
      return (ClassLoader) ClassLoader.class.getMethod("getPlatformClassLoader").invoke(null);
    } catch (Exception java8) {
      return null;
    }
  }
}
