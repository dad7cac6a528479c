package dev.clew.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code new OkHttpClient(builder)}: every client is built with the tracing interceptor. */
final class OkHttpClientInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("okhttp3.OkHttpClient");
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("okhttp3.OkHttpClient");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("okhttp3.OkHttpClient");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isConstructor().and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
        "dev.clew.instrumentation.okhttp.ClientBuildAdvice");
  }
}
