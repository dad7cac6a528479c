package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the premain costs every application, kept from creeping back: it retransforms only the instrumented JDK
 * classes the JVM loaded before it (the agent loading one itself would have it retransformed there), and Byte Buddy
 * generates no transformer class at start-up (the agent jar's build removes that; see FilteringTransformer).
 */
@Tag("smoke")
class PremainIT {
  private static final Pattern RETRANSFORMED = Pattern.compile("instrumented (\\S+) \\(retransformed\\)");

  /** The trivial application. */
  public static final class Hello {
    public static void main(String[] args) {
      System.out.println("hello");
    }
  }

  @Test
  void retransformsOnlyWhatTheJvmLoadedFirstAndGeneratesNoTransformer() throws Exception {
    AgentJvm.Result r = AgentJvm.main(Hello.class.getName())
        .property("clew.debug", "true")
        .property("otel.traces.exporter", "none")
        .jvmArg("-Xlog:class+load=info:stdout")
        .run(Duration.ofSeconds(90));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("hello"), r::toString);
    List<String> retransformed = new ArrayList<>();
    for (Matcher m = RETRANSFORMED.matcher(r.stderr()); m.find(); ) {
      retransformed.add(m.group(1));
    }
    assertTrue(retransformed.contains("java.lang.Thread"), r::toString);
    // java.lang only: Thread, and on Java 21+ the virtual thread classes the JVM loads with it
    assertTrue(retransformed.stream().allMatch(c -> c.startsWith("java.lang.")),
        "the premain loaded instrumented classes itself: " + retransformed);
    assertFalse(r.stdout().contains("$ByteBuddy$ModuleSupport"), "Byte Buddy generated its transformer:\n" + r);
    assertTrue(r.stdout().contains("ExecutingTransformer "), "the class load log names Byte Buddy's transformer:\n" + r);
  }
}
