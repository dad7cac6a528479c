package dev.clew.it.ext;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Test-only extension: advice that throws on enter and on exit around the application's methods,
 * and advice that links against a class that does not exist. Neither may disturb the application.
 */
public final class BrokenInstrumentationModule extends InstrumentationModule {
  public BrokenInstrumentationModule() {
    super("broken-test");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    return Arrays.asList(new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return named("com.acme.app.OrdersApp$Repository");
      }

      @Override
      public void transform(AdviceTarget target) {
        target.applyAdvice(named("save"), "dev.clew.it.ext.ThrowingAdvice");
        target.applyAdvice(named("delete"), "dev.clew.it.ext.LinkageErrorAdvice");
      }
    });
  }
}
