package dev.clew.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
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
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Loads the agent's internals (core, instrumentation modules, relocated Byte Buddy, ASM, Jackson).
 * In the agent jar they are stored under {@code inst/} as {@code .classdata} files, so neither the
 * system class loader nor a class-path scanner of the application ever sees them. Classes are defined
 * with the agent jar as code source, so a SecurityManager policy that grants the agent jar AllPermission
 * covers them; the jar is read in a privileged block, as the thread that triggers loading may be the
 * application's, with fewer permissions.
 *
 * <p>From the agent jar, class files are read straight from one open {@link JarFile} into arrays of their
 * exact size: going through a {@code jar:} URL per class (as {@link URLClassLoader} does) builds a URL, a
 * connection and a growing buffer for each of the ~1,300 classes the agent loads at start-up.
 */
public final class AgentClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String prefix;
  private final ProtectionDomain domain;
  /** The agent jar, when classes come from its {@code inst/} directory; null for directories and test class paths. */
  private final JarFile jar;

  public AgentClassLoader(URL[] urls, String prefix) {
    this(urls, prefix, platformLoader());
  }

  /** With another parent: {@code java -jar} has no bootstrap path to append to, the jar's class loader serves. */
  public AgentClassLoader(URL[] urls, String prefix, ClassLoader parent) {
    this(urls, prefix, parent, null);
  }

  /** The classes under {@code prefix} of the agent jar (a file, not a directory). */
  public AgentClassLoader(File agentJar, String prefix, ClassLoader parent) throws IOException {
    this(new URL[] {agentJar.toURI().toURL()}, prefix, parent, new JarFile(agentJar, false));
  }

  private AgentClassLoader(URL[] urls, String prefix, ClassLoader parent, JarFile jar) {
    super(urls, parent);
    this.prefix = prefix;
    this.jar = jar;
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
    byte[] bytes = jar != null ? readFromJar(name) : readFromUrls(name);
    definePackageFor(name);
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  private byte[] readFromJar(String name) throws ClassNotFoundException {
    String path = prefix + name.replace('.', '/');
    ZipEntry entry = jar.getEntry(path + ".classdata");
    if (entry == null) {
      entry = jar.getEntry(path + ".class");
    }
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return read(in, entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  private byte[] readFromUrls(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    URL url = super.findResource(prefix + path + ".classdata");
    if (url == null) {
      url = super.findResource(prefix + path + ".class");
    }
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = url.openStream()) {
      return readAll(in);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
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

  /**
   * The agent's own class files (Byte Buddy reads advice classes this way) straight from the jar; other names
   * as any class loader answers them (the parent first).
   */
  @Override
  public InputStream getResourceAsStream(String name) {
    if (jar != null && name.startsWith("dev/clew/") && name.endsWith(".class")) {
      ZipEntry entry = jar.getEntry(prefix + name.substring(0, name.length() - 6) + ".classdata");
      if (entry != null) {
        try {
          return jar.getInputStream(entry);
        } catch (IOException e) {
          // as if absent here: the URL lookup below reports it its own way
        }
      }
    }
    return super.getResourceAsStream(name);
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

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (jar != null) {
        jar.close();
      }
    }
  }

  /** A stream of known length (a jar entry's size; -1 if unknown) into an array of exactly that size. */
  private static byte[] read(InputStream in, long size) throws IOException {
    if (size < 0 || size > Integer.MAX_VALUE) {
      return readAll(in);
    }
    byte[] bytes = new byte[(int) size];
    for (int off = 0, n; off < bytes.length; off += n) {
      n = in.read(bytes, off, bytes.length - off);
      if (n < 0) {
        throw new IOException("truncated entry: " + off + " of " + size + " bytes");
      }
    }
    return bytes;
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
