package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.IdleApp;
import dev.clew.testing.AgentJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agent asks HotSpot to keep its relocated Byte Buddy and ASM out of C2 (C1 only), as the JVM itself
 * reports it ({@code jcmd PID Compiler.directives_print}); {@code clew.jit.exclude-libraries-from-c2=false}
 * leaves the JVM's directives as they were.
 */
@Tag("smoke")
class CompilerDirectiveIT {
  private static final String MATCH = "matching: dev/clew/shaded/asm/*.*, dev/clew/shaded/bytebuddy/*.*";

  @Test
  void relocatedLibrariesAreExcludedFromC2Only() throws Exception {
    Seen seen = directivesOf(AgentJvm.main(IdleApp.class).property("clew.debug", "true"));
    String directives = seen.directives();
    assertTrue(seen.stderr().contains("the JVM answered '1 compiler directives added'"), seen.stderr());
    // adding it disturbs nothing: every class, the JDK's retransformed at start-up included, is instrumented
    assertFalse(seen.stderr().contains("[clew] WARN"), seen.stderr());
    int ours = directives.indexOf(MATCH);
    assertTrue(ours >= 0, directives);
    int end = directives.indexOf("Directive:", ours);
    String block = directives.substring(ours, end < 0 ? directives.length() : end);
    int c2 = block.indexOf("c2 directives:");
    assertTrue(c2 > 0, block);
    // c1 of this directive is not enabled: C1 falls through to the default directive and compiles them
    assertTrue(block.substring(0, c2).contains("Enable:false"), block);
    assertTrue(block.substring(c2).contains("Enable:true Exclude:true"), block);
    // the agent's own code and Jackson (hot when spans are exported) stay compilable by C2
    assertEquals(2, directives.split("dev/clew/", -1).length - 1, directives);
  }

  @Test
  void killSwitchLeavesTheDirectivesAlone() throws Exception {
    String directives = directivesOf(AgentJvm.main(IdleApp.class)
        .property("clew.jit.exclude-libraries-from-c2", "false")).directives();
    assertTrue(directives.contains("Directive: (default)"), directives);
    assertFalse(directives.contains("dev/clew"), directives);
  }

  private record Seen(String directives, String stderr) {}

  private static Seen directivesOf(AgentJvm jvm) throws Exception {
    try (AgentJvm.Running app = jvm.start()) {
      app.awaitOutput("ready", Duration.ofSeconds(120));
      String jcmd = Path.of(System.getProperty("clew.test.java.home", System.getProperty("java.home")), "bin", "jcmd")
          .toString();
      Process p = new ProcessBuilder(jcmd, Long.toString(app.process().pid()), "Compiler.directives_print")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
      assertEquals(0, p.exitValue(), out);
      return new Seen(out, app.stderr());
    }
  }
}
