package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OwnLibrariesApp;
import dev.clew.testing.AgentJvm;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agent's own Byte Buddy, ASM, Jackson and core classes are invisible to the application. */
@Tag("smoke")
class IsolationIT {
  @Test
  void applicationWithItsOwnByteBuddyAndJacksonRunsUnchangedAndCannotSeeTheAgent() throws Exception {
    AgentJvm.Result withAgent = AgentJvm.main(OwnLibrariesApp.class)
        .property("otel.traces.exporter", "console")
        .property("clew.trace.methods", "com.acme.app.OwnLibrariesApp$Work[compute]")
        .run(Duration.ofSeconds(60));
    AgentJvm.Result without = AgentJvm.main(OwnLibrariesApp.class).withoutAgent().run(Duration.ofSeconds(60));

    assertEquals(0, withAgent.exitCode(), withAgent::toString);
    assertTrue(withAgent.stdout().contains("bytebuddy: made by the app's byte buddy"), withAgent::toString);
    assertTrue(withAgent.stdout().contains("byte-buddy-1.15.11.jar"), withAgent::toString);
    assertTrue(withAgent.stdout().contains("jackson: 42"), withAgent::toString);
    assertTrue(withAgent.stdout().contains("jackson version: 2.17.2"), withAgent::toString);
    for (String hidden : new String[] {"dev.clew.core.AgentStarter", "dev.clew.core.trace.TracerProvider",
        "dev.clew.shaded.bytebuddy.ByteBuddy", "dev.clew.instrumentation.methods.MethodAdvice"}) {
      assertTrue(withAgent.stdout().contains("hidden: " + hidden), withAgent::toString);
    }
    assertTrue(withAgent.stdout().contains("result: 42"), withAgent::toString);
    // the agent did trace, from inside its isolated class loader
    assertTrue(withAgent.stdout().contains("[clew] span 'OwnLibrariesApp$Work.compute' INTERNAL"), withAgent::toString);
    assertFalse(withAgent.stderr().contains("[clew] ERROR"), withAgent::toString);
    assertFalse(withAgent.stderr().contains("[clew] WARN"), withAgent::toString);

    // the application's own output is the same as without the agent
    assertEquals(appLines(without.stdout()), appLines(withAgent.stdout()));
  }

  private static String appLines(String stdout) {
    StringBuilder sb = new StringBuilder();
    for (String line : stdout.split("\n")) {
      if (!line.startsWith("[clew]")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
