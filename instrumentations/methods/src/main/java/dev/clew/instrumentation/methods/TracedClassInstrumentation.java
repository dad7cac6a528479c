package dev.clew.instrumentation.methods;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

final class TracedClassInstrumentation implements TypeInstrumentation {
  private final String className;
  private final ElementMatcher<MethodDescription> methods;

  TracedClassInstrumentation(String className, ElementMatcher<MethodDescription> methods) {
    this.className = className;
    this.methods = methods;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(className);
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(className);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(methods, "dev.clew.instrumentation.methods.MethodAdvice");
  }
}
