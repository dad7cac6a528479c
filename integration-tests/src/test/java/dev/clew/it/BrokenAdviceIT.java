package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An extension whose advice throws, or fails to link, leaves the application's behaviour unchanged. */
class BrokenAdviceIT {
  private static final String[] EXTENSION_CLASSES = {
    "BrokenInstrumentationModule", "BrokenInstrumentationModule$1", "ThrowingAdvice", "LinkageErrorAdvice"
  };

  @Test
  void brokenAdviceDoesNotDisturbTheApplication(@TempDir Path dir) throws Exception {
    Path extension = buildExtensionJar(dir);
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("clew.javaagent.extensions", extension.toString())
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", "com.acme.app.OrdersApp$OrderService[place]")
        .property("clew.debug", "true")
        .run(Duration.ofSeconds(60));

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("placed order-book"), r::toString);
    assertTrue(r.stdout().contains("caught java.lang.IllegalStateException: no order missing from delete"),
        r::toString);
    // the broken module was really applied, and its failures were suppressed and reported
    assertTrue(r.stderr().contains("instrumented com.acme.app.OrdersApp$Repository"), r::toString);
    assertTrue(r.stderr().contains("broken advice on enter"), r::toString);
    assertTrue(r.stderr().contains("advice errors=3"), r::toString);
    // the healthy module next to it still traces
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$OrderService.place' INTERNAL"), r::toString);
  }

  private static Path buildExtensionJar(Path dir) throws Exception {
    Path classes = Path.of(BrokenAdviceIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = dir.resolve("broken-extension.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String simple : EXTENSION_CLASSES) {
        String entry = "dev/clew/it/ext/" + simple + ".class";
        out.putNextEntry(new JarEntry(entry));
        Files.copy(classes.resolve(entry.replace('/', File.separatorChar)), out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/dev.clew.core.instrument.InstrumentationModule"));
      OutputStream o = out;
      o.write("dev.clew.it.ext.BrokenInstrumentationModule\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
