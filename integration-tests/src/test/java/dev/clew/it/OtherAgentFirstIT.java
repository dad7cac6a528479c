package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.TempFileAgent;
import dev.clew.testing.AgentJvm;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clew behind another agent whose premain already used the JDK's URL machinery (a temporary file): clew still
 * instruments the JDK's executor classes, and the application can still read its JDK class files through
 * {@code jrt:} URLs. Before clew loaded the URL handlers ahead of its transformer, the transformer saw the
 * {@code jrt:} handler class being defined, its read of that class's ancestors needed the same class, and the
 * JVM kept the ClassCircularityError: every executor class went uninstrumented and every later {@code jrt:}
 * URL of the application failed.
 */
@Tag("smoke")
class OtherAgentFirstIT {

  /** Runs work on a pool and the common pool, then reads a JDK class file the way frameworks scan classes. */
  public static final class ExecutorsApp {
    public static void main(String[] args) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      System.out.println(pool.submit(() -> "pool ok").get());
      pool.shutdown();
      System.out.println(ForkJoinPool.commonPool().submit(() -> "common pool ok").get());
      URL objectClass = ClassLoader.getSystemResource("java/lang/Object.class");
      try (InputStream in = objectClass.openStream()) {
        System.out.println("read " + in.readAllBytes().length + " bytes of " + objectClass.getProtocol());
      }
    }
  }

  @Test
  void clewBehindAnAgentThatMadeATempFileInstrumentsAndBreaksNothing(@TempDir Path dir) throws Exception {
    Path otherAgent = agentJar(dir.resolve("other-agent.jar"));
    // only the test classes on the class path: with the test's whole class path the JVM happened to load the
    // URL handlers before clew's premain, and the failure did not show
    String testClasses = Path.of(ExecutorsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    AgentJvm jvm = AgentJvm.main(ExecutorsApp.class.getName()).withoutAgent().classpath(testClasses)
        .jvmArg("-javaagent:" + otherAgent)
        .property("clew.debug", "true")
        .property("otel.traces.exporter", "none");
    for (String a : AgentJvm.agentArguments()) {
      jvm.jvmArg(a);
    }
    AgentJvm.Result r = jvm.run(Duration.ofSeconds(120));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("pool ok") && r.stdout().contains("common pool ok"), r::toString);
    assertTrue(r.stdout().contains("bytes of jrt"), r::toString);
    assertFalse(r.stderr().contains("ClassCircularityError"), r::toString);
    assertFalse(r.stderr().contains("[clew] WARN"), r::toString);
    // the executors module reached the JDK classes: Thread retransformed in the premain, the pool classes loaded
    assertTrue(r.stderr().contains("instrumented java.lang.Thread (retransformed)"), r::toString);
    assertTrue(r.stderr().contains("instrumented java.util.concurrent.ThreadPoolExecutor"), r::toString);
  }

  private static Path agentJar(Path jar) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", TempFileAgent.class.getName());
    String entry = TempFileAgent.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
        InputStream classFile = TempFileAgent.class.getClassLoader().getResourceAsStream(entry)) {
      jarOut.putNextEntry(new JarEntry(entry));
      classFile.transferTo(jarOut);
      jarOut.closeEntry();
    }
    return jar;
  }
}
