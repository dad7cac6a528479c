package dev.clew.instrumentation.logback;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Logback's MDC adapter (one per logger context, made when Logback starts): from then on it follows the current span. */
final class MdcAdapterInstrumentation implements TypeInstrumentation {
  private static final String ADAPTER = "ch.qos.logback.classic.util.LogbackMDCAdapter";

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(ADAPTER);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(ADAPTER);
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(ADAPTER);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor(), "dev.clew.instrumentation.logback.MdcAdapterAdvice");
  }
}
