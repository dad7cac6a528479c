package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompilerDirectiveTest {
  @Test
  void directiveExcludesTheGivenPatternsFromC2Only() {
    assertEquals("[{\"match\": [\"dev/clew/shaded/bytebuddy/*.*\", \"dev/clew/shaded/asm/*.*\"], "
            + "\"c2\": {\"Exclude\": true}}]",
        CompilerDirective.directive(Arrays.asList("dev/clew/shaded/bytebuddy/*.*", "dev/clew/shaded/asm/*.*")));
  }

  @Test
  void librariesUnderTheirOwnNamesAreNeverMatched() {
    // here Byte Buddy and ASM are not relocated (net.bytebuddy, org.objectweb.asm): an application's own copy
    // has the same names, so no directive may name them
    assertTrue(CompilerDirective.relocatedLibraries().isEmpty(), CompilerDirective.relocatedLibraries()::toString);
  }
}
