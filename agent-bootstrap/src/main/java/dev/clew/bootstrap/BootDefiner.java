package dev.clew.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defines the agent's bootstrap classes ({@code dev/clew/bootstrap/**}) in the bootstrap class loader with
 * the JDK's internal {@code Unsafe.defineClass}, instead of appending the jar to the bootstrap class path:
 * an appended path makes the JVM stop sharing (CDS) the classes of the platform and application class
 * loaders, and print a warning saying so on every run.
 *
 * <p>{@link ClewAgent} loads this class in a class loader of its own, whose unnamed module alone is given
 * access to {@code jdk.internal.misc}: the application's modules gain nothing. Compiled for Java 8, so the
 * Java 9+ API is reached by reflection; it refers to no other agent class.
 */
public final class BootDefiner {
  private BootDefiner() {}

  /** Class name to class file; throws when one cannot be defined. */
  public static void defineAll(Map<String, byte[]> classes) throws Exception {
    Map<String, byte[]> pending = new LinkedHashMap<>(classes);
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
