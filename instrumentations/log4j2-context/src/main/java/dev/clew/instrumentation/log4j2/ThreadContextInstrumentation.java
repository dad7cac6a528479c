package dev.clew.instrumentation.log4j2;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code ThreadContext.init()} (run when the class initialises): from then on the ThreadContext follows the current span. */
final class ThreadContextInstrumentation implements TypeInstrumentation {
  private static final String THREAD_CONTEXT = "org.apache.logging.log4j.ThreadContext";

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(THREAD_CONTEXT);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(THREAD_CONTEXT);
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(THREAD_CONTEXT);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("init").and(isStatic()).and(takesArguments(0)),
        "dev.clew.instrumentation.log4j2.ThreadContextAdvice");
  }
}
