package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.testapp.calls.Calls;
import dev.clew.testapp.installer.EarlyGreeter;
import dev.clew.testapp.installer.GreeterModule;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.HashMap;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.Test;

/**
 * Resetting the installed transformer removes it from the JVM and restores the classes it changed. (The
 * transformer is wrapped by the class filter: resetting only Byte Buddy's inner one used to leave it
 * transforming, and holding every class loader it saw.)
 */
class AgentInstallerResetTest {
  @Test
  void resetRemovesTheTransformerAndItsAdvice() throws Exception {
    Instrumentation inst = ByteBuddyAgent.install();
    ResettableClassFileTransformer transformer = AgentInstaller.install(inst, Config.of(new HashMap<>()),
        getClass().getClassLoader(), Collections.singletonList(new GreeterModule()));
    Calls.SEEN.clear();
    new EarlyGreeter().greet("ada");
    assertEquals(2, Calls.SEEN.size(), "instrumented: " + Calls.SEEN);

    assertTrue(transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION), "it was registered");
    Calls.SEEN.clear();
    assertEquals("hi bob", new EarlyGreeter().greet("bob"));
    assertEquals(0, Calls.SEEN.size(), "advice still runs after the reset: " + Calls.SEEN);
    assertTrue(!transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION), "removed already");
  }
}
