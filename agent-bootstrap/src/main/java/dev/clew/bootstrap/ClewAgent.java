package dev.clew.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The {@code Premain-Class}. It is loaded by the system class loader, so it only finds its own jar,
 * puts the bootstrap classes in that jar into the bootstrap class loader and hands over to
 * {@link AgentLauncher} as loaded there.
 * Nothing may escape from here: a failure prints one line and the application runs untraced.
 */
public final class ClewAgent {
  private ClewAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst);
  }

  private static void start(String args, Instrumentation inst) {
    try {
      File jar = agentJar();
      JarFile jarFile = new JarFile(jar, false);
      Manifest manifest = jarFile.getManifest();
      if (manifest == null
          || !ClewAgent.class.getName().equals(manifest.getMainAttributes().getValue("Premain-Class"))) {
        System.err.println("[clew] " + jar + " is not the clew agent jar; the application runs without tracing");
        return;
      }
      putOnBootstrapLoader(inst, jar, jarFile);
      Class<?> launcher = Class.forName("dev.clew.bootstrap.AgentLauncher", true, null);
      launcher
          .getMethod("launch", Instrumentation.class, String.class, File.class)
          .invoke(null, inst, args, jar);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println("[clew] agent failed to start, the application runs without tracing: " + cause);
    }
  }

  /**
   * Makes the bootstrap classes visible to every class loader, JDK classes included. Defining them in the
   * bootstrap loader ({@link BootDefiner}) keeps class data sharing on for the application's classes; on
   * Java 8, or if that fails, the jar is appended to the bootstrap class path (and the JVM warns that only
   * the bootstrap loader's classes are shared from then on).
   */
  private static void putOnBootstrapLoader(Instrumentation inst, File jar, JarFile jarFile) throws Exception {
    // -Dclew.testing.bootstrap-append=true: the old way, for the comparison in benchmarks/startup-cds.sh
    if (!Boolean.getBoolean("clew.testing.bootstrap-append")) {
      try {
        defineInBootstrapLoader(inst, jar, jarFile);
        return;
      } catch (ClassNotFoundException java8) {
        // no java.lang.Module: Java 8, where only the bootstrap loader's classes are shared anyway
      } catch (Throwable t) {
        Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
        System.err.println("[clew] cannot define the bootstrap classes directly (" + cause
            + "); appending the agent jar to the bootstrap class path instead");
      }
    }
    inst.appendToBootstrapClassLoaderSearch(jarFile);
  }

  private static void defineInBootstrapLoader(Instrumentation inst, File jar, JarFile jarFile) throws Exception {
    Class<?> moduleClass = Class.forName("java.lang.Module");
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toURI().toURL()}, null)) {
      Class<?> definer = Class.forName("dev.clew.bootstrap.BootDefiner", false, isolated);
      Method getModule = Class.class.getMethod("getModule");
      Object javaBase = getModule.invoke(Object.class);
      Object definerModule = getModule.invoke(definer);
      // exports jdk.internal.misc to the definer's loader only (its unnamed module), not to the application
      Instrumentation.class.getMethod("redefineModule", moduleClass, Set.class, Map.class, Map.class, Set.class, Map.class)
          .invoke(inst, javaBase, Collections.emptySet(),
              Collections.singletonMap("jdk.internal.misc", Collections.singleton(definerModule)),
              Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
      definer.getMethod("defineAll", JarFile.class).invoke(null, jarFile);
    }
  }

  /**
   * The agent jar: a jar holding this class and the agent's internals under {@code inst/} (or, for module
   * tests, any jar holding this class when {@code clew.agent.classpath} names the internals). Found through
   * class resources, not the protection domain (security managers), and robust to a copy of the bootstrap
   * classes on the application's class path.
   */
  private static File agentJar() throws Exception {
    boolean exploded = System.getProperty("clew.agent.classpath") != null;
    File fallback = null;
    Enumeration<URL> urls = ClassLoader.getSystemClassLoader().getResources("dev/clew/bootstrap/ClewAgent.class");
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      if (!"jar".equals(url.getProtocol())) {
        continue;
      }
      String path = url.getPath(); // file:/path/clew-agent.jar!/dev/clew/bootstrap/ClewAgent.class
      File jar = new File(new URL(URLDecoder.decode(path.substring(0, path.indexOf("!/")), "UTF-8")).toURI());
      try (JarFile f = new JarFile(jar, false)) {
        if (f.getEntry("inst/") != null || f.getEntry("inst/dev/clew/core/AgentStarter.classdata") != null) {
          return jar;
        }
      }
      if (fallback == null) {
        fallback = jar;
      }
    }
    if (exploded && fallback != null) {
      return fallback;
    }
    throw new IllegalStateException("cannot find the clew agent jar (a jar with the agent's inst/ directory)");
  }
}
