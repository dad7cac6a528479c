package dev.clew.testapp.installer;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A test module: advice on the greeters' {@code greet} and failing advice on {@code fail}. */
public final class GreeterModule extends InstrumentationModule {
  private final List<String> references;

  public GreeterModule(String... references) {
    super("greeter");
    this.references = Arrays.asList(references);
  }

  @Override
  public List<String> requiredReferences() {
    return references;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    return Collections.singletonList(new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Greeter.class.getName(), EarlyGreeter.class.getName());
      }

      @Override
      public List<String> relevantTypes() {
        return Arrays.asList(Greeter.class.getName(), EarlyGreeter.class.getName());
      }

      @Override
      public void transform(AdviceTarget target) {
        target.applyAdvice(named("greet"), GreetAdvice.class.getName());
        target.applyAdvice(named("fail"), FailingAdvice.class.getName());
      }
    });
  }
}
