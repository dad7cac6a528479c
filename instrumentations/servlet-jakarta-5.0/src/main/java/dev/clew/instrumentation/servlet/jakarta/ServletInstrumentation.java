package dev.clew.instrumentation.servlet.jakarta;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code Servlet.service(ServletRequest, ServletResponse)} and {@code Filter.doFilter(request, response, chain)}. */
final class ServletInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("jakarta.servlet.Servlet");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(namedOneOf("jakarta.servlet.Servlet", "jakarta.servlet.Filter")));
  }

  @Override
  public List<String> relevantTypes() {
    return Arrays.asList("jakarta.servlet.Servlet", "jakarta.servlet.Filter");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isPublic().and(not(isAbstract()))
        .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
        .and(takesArgument(0, named("jakarta.servlet.ServletRequest")))
        .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
        "dev.clew.instrumentation.servlet.jakarta.ServletAdvice");
  }
}
