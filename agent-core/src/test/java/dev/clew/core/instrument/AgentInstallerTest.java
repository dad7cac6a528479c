package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.core.config.Config;
import dev.clew.testapp.calls.Calls;
import dev.clew.testapp.installer.EarlyGreeter;
import dev.clew.testapp.installer.GreeterModule;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.HashMap;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The installer on a real Instrumentation: advice bound through invokedynamic, loaded next to the class. */
class AgentInstallerTest {
  private static Instrumentation inst;
  private static ResettableClassFileTransformer transformer;
  private static long errorsBefore;

  @BeforeAll
  static void install() throws Exception {
    new EarlyGreeter(); // loaded before the agent: must be retransformed
    inst = ByteBuddyAgent.install();
    errorsBefore = AdviceErrors.count();
    transformer = AgentInstaller.install(inst, Config.of(new HashMap<>()),
        AgentInstallerTest.class.getClassLoader(), Collections.singletonList(new GreeterModule()));
  }

  @AfterAll
  static void uninstall() {
    transformer.reset(inst, net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
  }

  @BeforeEach
  void clear() {
    Calls.SEEN.clear();
  }

  @Test
  void adviceRunsAroundAClassLoadedAfterInstallation() {
    String result = new dev.clew.testapp.installer.Greeter().greet("ada");
    assertEquals("hello ada", result);
    assertEquals(2, Calls.SEEN.size(), Calls.SEEN.toString());
    assertEquals("dev.clew.testapp.installer.Greeter.greet(ada) in AdviceClassLoader", Calls.SEEN.get(0));
    assertEquals("returned hello ada", Calls.SEEN.get(1));
  }

  @Test
  void classesLoadedBeforeInstallationAreRetransformed() {
    assertEquals("hi bob", new EarlyGreeter().greet("bob"));
    assertEquals("dev.clew.testapp.installer.EarlyGreeter.greet(bob) in AdviceClassLoader", Calls.SEEN.get(0));
  }

  @Test
  void failingAdviceIsSuppressedAndCounted() {
    assertEquals("failed eve", new dev.clew.testapp.installer.Greeter().fail("eve"));
    assertEquals(1, AdviceErrors.count() - errorsBefore);
  }
}
