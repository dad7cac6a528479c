package dev.clew.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes and their bytes read from an agent jar's {@code inst/} directory, as the shaded jar stores them. */
class AgentClassLoaderTest {

  /** A class of this test class path, stored in the jar the way the shaded agent jar stores clew's classes. */
  public static final class Probe {
    @Override
    public String toString() {
      return "probe";
    }
  }

  @TempDir
  Path dir;

  @Test
  void definesClassesFromClassdataUnderThePrefixWithTheJarAsCodeSource() throws Exception {
    File jar = agentJar();
    try (AgentClassLoader loader = new AgentClassLoader(jar, "inst/", null)) {
      Class<?> probe = loader.loadClass(Probe.class.getName());

      assertSame(loader, probe.getClassLoader());
      assertEquals("probe", probe.getDeclaredConstructor().newInstance().toString());
      assertEquals(jar.toURI().toURL(), probe.getProtectionDomain().getCodeSource().getLocation());
      assertNotNull(probe.getPackage(), "package defined");
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.clew.bootstrap.Absent"));
    }
  }

  @Test
  void answersAClassFileAsResourceFromItsClassdata() throws Exception {
    try (AgentClassLoader loader = new AgentClassLoader(agentJar(), "inst/", null)) {
      String name = Probe.class.getName().replace('.', '/') + ".class";
      try (InputStream in = loader.getResourceAsStream(name)) {
        assertNotNull(in, "advice bytes are read as X.class");
        assertArrayEquals(classBytes(), AgentClassLoader.readAll(in));
      }
      assertNotNull(loader.findResource(name), "and as a URL, for callers that ask for one");
      assertNotNull(loader.getResourceAsStream("META-INF/clew.txt"), "other resources under the prefix");
    }
  }

  private File agentJar() throws IOException {
    File jar = dir.resolve("agent.jar").toFile();
    String path = Probe.class.getName().replace('.', '/');
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      put(out, "inst/" + path + ".classdata", classBytes());
      put(out, "inst/META-INF/clew.txt", new byte[] {'x'});
    }
    return jar;
  }

  private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(new ZipEntry(name));
    jar.write(bytes);
    jar.closeEntry();
  }

  private static byte[] classBytes() throws IOException {
    String name = "/" + Probe.class.getName().replace('.', '/') + ".class";
    try (InputStream in = AgentClassLoaderTest.class.getResourceAsStream(name)) {
      return AgentClassLoader.readAll(in);
    }
  }
}
