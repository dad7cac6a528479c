package dev.clew.core.instrument;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import org.objectweb.asm.ClassVisitor;

/**
 * Keeps the agent's relocated Byte Buddy and ASM out of HotSpot's C2 compiler. They run hot only while classes
 * load, and then go cold: C2's work on them is wasted (0.9 s of CPU on the Spring benchmark app for 75
 * transformed classes). A compiler directive (Java 9+) excludes them from C2 only; C1 still compiles them,
 * since interpreting them would be slower than today.
 *
 * <p>The directive goes in through the JVM's diagnostic-command entry point, the one behind the
 * {@code com.sun.management:type=DiagnosticCommand} MBean, reached directly: the platform MBean server would
 * load about 700 classes (0.3 s of CPU) for one call. Anything missing (Java 8, a JVM that is not HotSpot,
 * a runtime without {@code jdk.management}, a SecurityManager that refuses) is logged in debug mode and leaves
 * compilation as it was.
 */
public final class CompilerDirective {
  static final String ENABLED_KEY = "clew.jit.exclude-libraries-from-c2";
  private static final String DCMD_PACKAGE = "com.sun.management.internal";

  private CompilerDirective() {}

  public static boolean isEnabled(Config config) {
    return config.getBoolean(ENABLED_KEY, true);
  }

  /** Adds the directive unless switched off; never throws. */
  public static void apply(Instrumentation inst, Config config) {
    if (!isEnabled(config)) {
      AgentLog.debug("no compiler directive for the agent's libraries (" + ENABLED_KEY + "=false)");
      return;
    }
    List<String> patterns = relocatedLibraries();
    if (patterns.isEmpty()) { // the libraries keep their own names (module tests): the application may share them
      AgentLog.debug("no compiler directive: the agent's Byte Buddy and ASM are not relocated");
      return;
    }
    try {
      long begin = System.nanoTime();
      String answer = add(inst, directive(patterns)).trim();
      AgentLog.debug("compiler directive: " + patterns + " excluded from C2; the JVM answered '" + answer
          + "' in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
    } catch (Throwable t) {
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
      AgentLog.debug("no compiler directive for the agent's libraries (" + cause + "); compilation unchanged");
    }
  }

  /** Method patterns of the relocated libraries only: never the application's own Byte Buddy or ASM. */
  static List<String> relocatedLibraries() {
    List<String> patterns = new ArrayList<>(2);
    for (Class<?> c : new Class<?>[] {ByteBuddy.class, ClassVisitor.class}) {
      String name = c.getName();
      if (name.startsWith("dev.clew.")) {
        patterns.add(name.substring(0, name.lastIndexOf('.')).replace('.', '/') + "/*.*");
      }
    }
    return patterns;
  }

  static String directive(List<String> patterns) {
    StringBuilder json = new StringBuilder("[{\"match\": [");
    for (int i = 0; i < patterns.size(); i++) {
      json.append(i == 0 ? "\"" : ", \"").append(patterns.get(i)).append('"');
    }
    return json.append("], \"c2\": {\"Exclude\": true}}]").toString();
  }

  /**
   * Runs {@code Compiler.directives_add} (it reads a file) through {@code DiagnosticCommandImpl}'s native
   * method, after opening its package to the agent; returns what the command printed.
   */
  private static String add(Instrumentation inst, String json) throws Exception {
    Class<?> dcmd = Class.forName(DCMD_PACKAGE + ".DiagnosticCommandImpl", false, null);
    Class<?> moduleClass = Class.forName("java.lang.Module"); // Java 8: ClassNotFoundException, nothing done
    Method getModule = Class.class.getMethod("getModule");
    Map<String, Set<Object>> opens = Collections.singletonMap(DCMD_PACKAGE,
        Collections.singleton(getModule.invoke(CompilerDirective.class)));
    Instrumentation.class.getMethod("redefineModule", moduleClass, Set.class, Map.class, Map.class, Set.class,
        Map.class).invoke(inst, getModule.invoke(dcmd), Collections.emptySet(), Collections.emptyMap(), opens,
        Collections.emptySet(), Collections.emptyMap());
    // its static initializer loads the native library that implements DiagnosticCommandImpl's methods
    Class.forName(DCMD_PACKAGE + ".PlatformMBeanProviderImpl", true, null);
    Method get = dcmd.getDeclaredMethod("getDiagnosticCommandMBean");
    get.setAccessible(true);
    Object commands = get.invoke(null);
    if (commands == null) {
      throw new IllegalStateException("this JVM offers no diagnostic commands to Java code");
    }
    Method execute = dcmd.getDeclaredMethod("executeDiagnosticCommand", String.class);
    execute.setAccessible(true);
    // not File.createTempFile: it sets up SecureRandom in the premain of every application for one file name
    Path file = Paths.get(System.getProperty("java.io.tmpdir"),
        "clew-compiler-directive-" + Long.toHexString(System.nanoTime()) + ".json");
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) { // never through a link
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    try {
      String path = file.toString();
      return (String) execute.invoke(commands,
          "Compiler.directives_add " + (path.indexOf(' ') >= 0 ? '"' + path + '"' : path));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
