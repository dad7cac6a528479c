package dev.clew.bootstrap;

import java.io.File;
import java.net.URL;

/**
 * The jar's {@code Main-Class}: {@code java -jar clew-agent.jar [command]} runs the agent's command-line
 * tools ({@code dev.clew.cli.Cli}) inside the isolated agent class loader.
 */
public final class ClewMain {
  private ClewMain() {}

  public static void main(String[] args) throws Exception {
    URL self = ClewMain.class.getProtectionDomain().getCodeSource().getLocation();
    File jar = new File(self.toURI());
    // parent: the loader of this class, which sees the bootstrap classes at the jar's root (the agent gets
    // them from the bootstrap path) but not the .classdata under inst/
    ClassLoader loader = jar.isDirectory()
        ? new AgentClassLoader(new URL[] {jar.toURI().toURL()}, "", ClewMain.class.getClassLoader())
        : new AgentClassLoader(jar, "inst/", ClewMain.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Class<?> cli = loader.loadClass("dev.clew.cli.Cli");
    Object code = cli.getMethod("run", String[].class).invoke(null, (Object) args);
    System.exit(code instanceof Integer ? (Integer) code : 0);
  }
}
