package dev.clew.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.jar.JarEntry;
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
      putOnBootstrapLoader(inst, jarFile, manifest);
      Class<?> launcher = Class.forName("dev.clew.bootstrap.AgentLauncher", true, null);
      launcher
          .getMethod("launch", Instrumentation.class, String.class, File.class)
          .invoke(null, inst, args, jar);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println("[clew] agent failed to start, the application runs without tracing: " + cause
          + (cause instanceof SecurityException ? " (a SecurityManager is installed: grant the agent jar "
          + "java.security.AllPermission in its policy)" : ""));
    }
  }

  /**
   * Makes the bootstrap classes visible to every class loader, JDK classes included. Defining them in the
   * bootstrap loader ({@link BootDefiner}) keeps class data sharing on for the application's classes; on
   * Java 8, or if that fails, the jar is appended to the bootstrap class path (and the JVM warns that only
   * the bootstrap loader's classes are shared from then on).
   */
  private static void putOnBootstrapLoader(Instrumentation inst, JarFile jarFile, Manifest manifest)
      throws Exception {
    // -Dclew.testing.bootstrap-append=true: the old way, for the comparison in benchmarks/startup-cds.sh
    if (!Boolean.getBoolean("clew.testing.bootstrap-append")) {
      try {
        defineInBootstrapLoader(inst, jarFile, manifest);
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

  private static void defineInBootstrapLoader(Instrumentation inst, JarFile jarFile, Manifest manifest)
      throws Exception {
    Class<?> moduleClass = Class.forName("java.lang.Module");
    Map<String, byte[]> classes = bootstrapClasses(jarFile, manifest);
    String definerName = "dev.clew.bootstrap.BootDefiner"; // a name, not a class literal: not loaded here
    Class<?> definer = new IsolatedLoader().define(definerName, classes.get(definerName));
    Method getModule = Class.class.getMethod("getModule");
    // exports jdk.internal.misc to the definer's own loader (its unnamed module), not to the application
    Instrumentation.class.getMethod("redefineModule", moduleClass, Set.class, Map.class, Map.class, Set.class, Map.class)
        .invoke(inst, getModule.invoke(Object.class), Collections.emptySet(),
            Collections.singletonMap("jdk.internal.misc", Collections.singleton(getModule.invoke(definer))),
            Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    definer.getMethod("defineAll", Map.class).invoke(null, classes);
  }

  /**
   * Class name to class file of everything under {@code dev/clew/bootstrap/}. The agent jar lists them in its
   * manifest ({@code Clew-Bootstrap-Classes}): enumerating its 3,000 entries costs about 30 ms at start-up.
   */
  private static Map<String, byte[]> bootstrapClasses(JarFile jar, Manifest manifest) throws IOException {
    List<String> paths = new ArrayList<>();
    String listed = manifest.getMainAttributes().getValue("Clew-Bootstrap-Classes");
    if (listed != null) {
      for (StringTokenizer t = new StringTokenizer(listed); t.hasMoreTokens(); ) { // not split(): no regex here
        paths.add(t.nextToken());
      }
    } else { // the bootstrap module's own jar, in the instrumentation modules' tests
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("dev/clew/bootstrap/") && name.endsWith(".class")) {
          paths.add(name);
        }
      }
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (String path : paths) {
      JarEntry entry = jar.getJarEntry(path);
      if (entry == null) {
        throw new IOException(path + " is listed in the manifest but not in " + jar.getName());
      }
      try (InputStream in = jar.getInputStream(entry)) {
        classes.put(path.substring(0, path.length() - 6).replace('/', '.'), AgentClassLoader.readAll(in));
      }
    }
    return classes;
  }

  /** A class loader of its own for {@link BootDefiner}, so that its unnamed module is not the application's. */
  private static final class IsolatedLoader extends ClassLoader {
    IsolatedLoader() {
      super(ClewAgent.class.getClassLoader());
    }

    /**
     * In the agent jar's protection domain: under a SecurityManager, a policy that grants the agent jar
     * {@code AllPermission} then lets the definer reach {@code jdk.internal.misc} as it lets the agent.
     */
    Class<?> define(String name, byte[] classFile) {
      return defineClass(name, classFile, 0, classFile.length, ClewAgent.class.getProtectionDomain());
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
