package dev.clew.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLDecoder;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The {@code Premain-Class}. It is loaded by the system class loader, so it only finds its own jar,
 * puts that jar on the bootstrap class path and hands over to {@link AgentLauncher} as loaded there.
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
      inst.appendToBootstrapClassLoaderSearch(jarFile);
      Class<?> launcher = Class.forName("dev.clew.bootstrap.AgentLauncher", true, null);
      launcher
          .getMethod("launch", Instrumentation.class, String.class, File.class)
          .invoke(null, inst, args, jar);
    } catch (Throwable t) {
      Throwable cause = t.getCause() != null ? t.getCause() : t;
      System.err.println("[clew] agent failed to start, the application runs without tracing: " + cause);
    }
  }

  /** The jar this class came from, found through its class resource (no protection domain: security managers). */
  private static File agentJar() throws Exception {
    URL url = ClewAgent.class.getResource("ClewAgent.class");
    if (url == null || !"jar".equals(url.getProtocol())) {
      throw new IllegalStateException("clew agent classes are not in a jar: " + url);
    }
    String path = url.getPath(); // file:/path/clew-agent.jar!/dev/clew/bootstrap/ClewAgent.class
    int bang = path.indexOf("!/");
    return new File(new URL(URLDecoder.decode(path.substring(0, bang), "UTF-8")).toURI());
  }
}
