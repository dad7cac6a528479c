package dev.clew.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs from the bootstrap class path: creates the isolated {@link AgentClassLoader} and starts the agent
 * core inside it. The core is found in the agent jar under {@code inst/}, or, for the instrumentation
 * modules' own tests, in the directories and jars named by the system property {@code clew.agent.classpath}.
 */
public final class AgentLauncher {
  private static volatile ClassLoader agentClassLoader;

  private AgentLauncher() {}

  public static ClassLoader agentClassLoader() {
    return agentClassLoader;
  }

  public static void launch(Instrumentation inst, String args, File agentJar) throws Exception {
    String exploded = System.getProperty("clew.agent.classpath");
    AgentClassLoader loader;
    if (exploded != null && !exploded.trim().isEmpty()) {
      List<URL> urls = new ArrayList<>();
      for (String part : exploded.split(File.pathSeparator)) {
        if (!part.trim().isEmpty()) {
          urls.add(new File(part.trim()).toURI().toURL());
        }
      }
      loader = new AgentClassLoader(urls.toArray(new URL[0]), "");
    } else {
      loader = new AgentClassLoader(agentJar, "inst/", AgentClassLoader.platformLoader());
    }
    agentClassLoader = loader;
    Class<?> starter = loader.loadClass("dev.clew.core.AgentStarter");
    starter
        .getMethod("start", Instrumentation.class, String.class, File.class)
        .invoke(null, inst, args, agentJar);
  }
}
