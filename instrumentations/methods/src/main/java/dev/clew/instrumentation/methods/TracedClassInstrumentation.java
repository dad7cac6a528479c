package dev.clew.instrumentation.methods;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

final class TracedClassInstrumentation implements TypeInstrumentation {
  private final ElementMatcher<TypeDescription> type;
  private final ElementMatcher<MethodDescription> methods;

  TracedClassInstrumentation(ElementMatcher<TypeDescription> type, ElementMatcher<MethodDescription> methods) {
    this.type = type;
    this.methods = methods;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return type;
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(methods, "dev.clew.instrumentation.methods.MethodAdvice");
  }
}
