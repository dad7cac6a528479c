package dev.clew.instrumentation.servlet.jakarta;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code ServletRequest.startAsync()}: from then on the response's completion ends the span. */
final class StartAsyncInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("jakarta.servlet.AsyncContext");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("jakarta.servlet.ServletRequest")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("jakarta.servlet.ServletRequest");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("startAsync").and(isPublic()).and(returns(named("jakarta.servlet.AsyncContext"))),
        "dev.clew.instrumentation.servlet.jakarta.StartAsyncAdvice");
  }
}
