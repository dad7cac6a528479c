package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A module's references are checked, and reported missing, only where a type it instruments is. */
class ModuleTypeMatcherTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void restoreLog() {
    AgentLog.setOutput(System.err);
    AgentLog.setDebug(false);
  }

  /** Instruments {@code target}; needs {@code reference}. */
  private static InstrumentationModule module(String reference) {
    return new InstrumentationModule("needs-" + reference) {
      @Override
      public List<TypeInstrumentation> typeInstrumentations(Config config) {
        return Collections.emptyList();
      }

      @Override
      public List<String> requiredReferences() {
        return Collections.singletonList(reference);
      }
    };
  }

  private static TypeInstrumentation instrumenting(Class<?> target) {
    return new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return named(target.getName());
      }

      @Override
      public void transform(AdviceTarget t) {}
    };
  }

  private String debugLog(Runnable r) {
    AgentLog.setDebug(true);
    AgentLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
    r.run();
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLoaderWithoutTheInstrumentedTypeIsNeitherCheckedNorReported() {
    ModuleTypeMatcher m = new ModuleTypeMatcher(instrumenting(String.class),
        new ReferenceMatcher(module("com.example.Missing")));
    String out = debugLog(() -> assertFalse(m.matches(TypeDescription.ForLoadedType.of(Integer.class), null, null,
        null, null)));
    assertEquals("", out);
  }

  @Test
  void aMatchingTypeInALoaderThatLacksTheReferencesIsSkippedWithOneLine() {
    ModuleTypeMatcher m = new ModuleTypeMatcher(instrumenting(String.class),
        new ReferenceMatcher(module("com.example.Missing")));
    String out = debugLog(() -> {
      assertFalse(m.matches(TypeDescription.ForLoadedType.of(String.class), null, null, null, null));
      assertFalse(m.matches(TypeDescription.ForLoadedType.of(String.class), null, null, null, null));
    });
    assertEquals("[clew] DEBUG instrumentation 'needs-com.example.Missing' skipped for the bootstrap class loader: "
        + "the library version there lacks [com.example.Missing]\n", out.replace("\r", ""));
  }

  @Test
  void aMatchingTypeWithItsReferencesMatches() {
    ModuleTypeMatcher m = new ModuleTypeMatcher(instrumenting(String.class),
        new ReferenceMatcher(module("java.lang.String#isEmpty")));
    assertTrue(m.matches(TypeDescription.ForLoadedType.of(String.class), null, null, null, null));
    assertTrue(new ModuleTypeMatcher(instrumenting(String.class), null)
        .matches(TypeDescription.ForLoadedType.of(String.class), null, null, null, null));
  }
}
