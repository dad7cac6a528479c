package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shape of clew-agent.jar: layout, manifest, Java 8 class files, size. */
class AgentJarIT {
  /** Instrumentation modules for Java 11+ APIs; their classes may be newer than Java 8. */
  private static final String[] JAVA_11_PACKAGES = {"inst/dev/clew/instrumentation/javahttpclient/"};
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  private static JarFile agentJar() throws Exception {
    return new JarFile(new File(System.getProperty("clew.agent.jar")));
  }

  @Test
  void manifestNamesThePremainAndMainClasses() throws Exception {
    try (JarFile jar = agentJar()) {
      var attrs = jar.getManifest().getMainAttributes();
      assertEquals("dev.clew.bootstrap.ClewAgent", attrs.getValue("Premain-Class"));
      assertEquals("dev.clew.bootstrap.ClewAgent", attrs.getValue("Agent-Class"));
      assertEquals("dev.clew.bootstrap.ClewMain", attrs.getValue("Main-Class"));
      assertEquals("true", attrs.getValue("Can-Retransform-Classes"));
    }
  }

  @Test
  void manifestListsExactlyTheBootstrapClasses() throws Exception {
    try (JarFile jar = agentJar()) {
      Set<String> listed = new TreeSet<>(List.of(
          jar.getManifest().getMainAttributes().getValue("Clew-Bootstrap-Classes").trim().split(" +")));
      Set<String> present = new TreeSet<>();
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("dev/clew/bootstrap/") && name.endsWith(".class")) {
          present.add(name);
        }
      }
      assertTrue(present.size() > 5, present.toString());
      assertEquals(present, listed, "the agent defines the classes its manifest lists in the bootstrap loader");
    }
  }

  @Test
  void onlyBootstrapClassesAreVisibleClassFiles() throws Exception {
    List<String> misplaced = new ArrayList<>();
    try (JarFile jar = agentJar()) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("dev/clew/bootstrap/")) {
          misplaced.add(name);
        }
        if (name.startsWith("inst/") && name.endsWith(".class")) {
          misplaced.add(name);
        }
      }
    }
    assertTrue(misplaced.isEmpty(), "class files outside the bootstrap package: " + misplaced);
  }

  @Test
  void agentClassesLoadOnJava8() throws Exception {
    List<String> tooNew = new ArrayList<>();
    int checked = 0;
    try (JarFile jar = agentJar()) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        String name = entry.getName();
        if (!(name.endsWith(".class") || name.endsWith(".classdata")) || isJava11Module(name)) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          DataInputStream data = new DataInputStream(in);
          int magic = data.readInt();
          data.readUnsignedShort();
          int major = data.readUnsignedShort();
          assertEquals(0xCAFEBABE, magic, name);
          if (major > 52) {
            tooNew.add(name + " (" + major + ")");
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "expected the whole agent to be checked, saw " + checked);
    assertTrue(tooNew.isEmpty(), "class files newer than Java 8: " + tooNew);
  }

  @Test
  void jarIsSmall() {
    long size = new File(System.getProperty("clew.agent.jar")).length();
    assertTrue(size < MAX_BYTES, "clew-agent.jar is " + size + " bytes");
  }

  private static boolean isJava11Module(String name) {
    for (String p : JAVA_11_PACKAGES) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
