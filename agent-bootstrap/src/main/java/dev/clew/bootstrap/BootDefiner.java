package dev.clew.bootstrap;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the agent's bootstrap classes ({@code dev/clew/bootstrap/**}) in the bootstrap class loader with
 * the JDK's internal {@code Unsafe.defineClass}, instead of appending the jar to the bootstrap class path:
 * an appended path makes the JVM stop sharing (CDS) the classes of the platform and application class
 * loaders, and print a warning saying so on every run.
 *
 * <p>It runs in a class loader of its own, whose unnamed module alone is given access to
 * {@code jdk.internal.misc}: the application's modules gain nothing. Compiled for Java 8, so the Java 9+
 * API is reached by reflection.
 */
public final class BootDefiner {
  private BootDefiner() {}

  /** Called reflectively by {@link ClewAgent}; throws when a class cannot be defined. */
  public static void defineAll(JarFile jar) throws Exception {
    Map<String, byte[]> pending = new LinkedHashMap<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      JarEntry entry = e.nextElement();
      String name = entry.getName();
      if (name.startsWith("dev/clew/bootstrap/") && name.endsWith(".class")) {
        try (InputStream in = jar.getInputStream(entry)) {
          pending.put(name.substring(0, name.length() - 6).replace('/', '.'), AgentClassLoader.readAll(in));
        }
      }
    }
    Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
    Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
        ClassLoader.class, java.security.ProtectionDomain.class);
    // a class whose super class or interface is not defined yet waits for the next pass
    while (!pending.isEmpty()) {
      boolean progress = false;
      Throwable last = null;
      for (Iterator<Map.Entry<String, byte[]>> it = pending.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, byte[]> c = it.next();
        try {
          define.invoke(unsafe, c.getKey(), c.getValue(), 0, c.getValue().length, null, null);
          it.remove();
          progress = true;
        } catch (InvocationTargetException e) {
          if (isDefinedAlready(c.getKey())) {
            it.remove(); // the agent attached twice: the first definition stands
            progress = true;
          } else {
            last = e.getCause();
          }
        }
      }
      if (!progress) {
        throw new IllegalStateException("cannot define " + pending.keySet() + " in the bootstrap loader", last);
      }
    }
  }

  private static boolean isDefinedAlready(String name) {
    try {
      Class.forName(name, false, null);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

}
