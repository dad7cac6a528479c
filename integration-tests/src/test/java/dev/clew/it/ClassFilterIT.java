package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class filter answers for nearly every class on its own: it fails if a bundled instrumentation stops
 * naming its relevant types (every class of its loaders would then go through Byte Buddy's matchers).
 */
class ClassFilterIT {
  private static final Pattern STATS =
      Pattern.compile("class filter: (\\d+) classes defined, (\\d+) answered without Byte Buddy, (\\d+) handed");

  @Test
  void onlyCandidateClassesReachByteBuddyAndTheyAreStillInstrumented() throws Exception {
    AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
        .property("clew.debug", "true")
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", "com.acme.app.OrdersApp$OrderService[place]")
        .run(Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("[clew] span 'OrdersApp$OrderService.place' INTERNAL"), r::toString);
    Matcher m = STATS.matcher(r.stdout() + r.stderr());
    assertTrue(m.find(), r::toString);
    long defined = Long.parseLong(m.group(1));
    long handed = Long.parseLong(m.group(3));
    assertTrue(defined > 100, r::toString);
    assertTrue(handed >= 1 && handed * 10 < defined, "handed to Byte Buddy: " + handed + " of " + defined);
  }
}
