package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent keeps class data sharing (CDS) on for the application's classes: with an application CDS archive
 * made without the agent, the application's classes still come from the archive, and the JVM does not warn
 * that "sharing is only supported for boot loader classes" (what appending a jar to the bootstrap class path,
 * the old way, still does).
 */
@Tag("smoke")
class ClassDataSharingIT {
  private static final String WARNING = "Sharing is only supported for boot loader classes";
  private static final String SHARED_MAIN = "com.acme.app.OrdersApp source: shared objects file";
  private static final String METHODS = "com.acme.app.OrdersApp$OrderService[place,cancel]";

  @TempDir static Path dir;
  static Path appJar;
  static Path archive;

  @BeforeAll
  static void archiveTheApplication() throws Exception {
    appJar = dir.resolve("orders.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(appJar))) {
      Path classes = Path.of(OrdersApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (String c : List.of("OrdersApp", "OrdersApp$OrderService", "OrdersApp$Repository")) {
        jar.putNextEntry(new JarEntry("com/acme/app/" + c + ".class"));
        jar.write(Files.readAllBytes(classes.resolve("com/acme/app/" + c + ".class")));
        jar.closeEntry();
      }
    }
    Path list = dir.resolve("orders.classlist");
    archive = dir.resolve("orders.jsa");
    String java = Path.of(System.getProperty("clew.test.java.home", System.getProperty("java.home")), "bin", "java")
        .toString();
    exec(java, "-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-cp", appJar.toString(), OrdersApp.class.getName());
    exec(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive, "-cp",
        appJar.toString());
  }

  private static void exec(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("dump.log").toFile())
        .start();
    assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + "\n" + read(dir.resolve("dump.log")));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static AgentJvm.Result run(boolean appendToBootPath) throws Exception {
    AgentJvm app = AgentJvm.main(OrdersApp.class).classpath(appJar.toString())
        .jvmArg("-XX:SharedArchiveFile=" + archive).jvmArg("-Xlog:class+load=info")
        .property("clew.trace.methods", METHODS)
        .property("otel.traces.exporter", "console");
    if (appendToBootPath) {
      app.property("clew.testing.bootstrap-append", "true");
    }
    AgentJvm.Result r = app.run(Duration.ofSeconds(90));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$OrderService.place' INTERNAL"), "traced:\n" + r);
    return r;
  }

  @Test
  void applicationClassesComeFromTheArchiveWithTheAgentAttached() throws Exception {
    AgentJvm.Result r = run(false);
    assertTrue(r.stdout().contains(SHARED_MAIN), r::toString);
    assertFalse(r.stdout().contains(WARNING) || r.stderr().contains(WARNING), r::toString);
  }

  @Test
  void appendingToTheBootstrapPathWouldLoseThem() throws Exception {
    AgentJvm.Result r = run(true);
    assertFalse(r.stdout().contains(SHARED_MAIN), r::toString);
    assertTrue(r.stdout().contains(WARNING) || r.stderr().contains(WARNING), r::toString);
  }
}
