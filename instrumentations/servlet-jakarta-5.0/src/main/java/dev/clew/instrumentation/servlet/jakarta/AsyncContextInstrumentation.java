package dev.clew.instrumentation.servlet.jakarta;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code AsyncContext.start(Runnable)}: the task runs in the request's context on the container's thread. */
final class AsyncContextInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("jakarta.servlet.AsyncContext");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("jakarta.servlet.AsyncContext")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("jakarta.servlet.AsyncContext");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("start").and(takesArguments(1)).and(takesArgument(0, named("java.lang.Runnable"))),
        "dev.clew.instrumentation.servlet.jakarta.AsyncContextStartAdvice");
  }
}
