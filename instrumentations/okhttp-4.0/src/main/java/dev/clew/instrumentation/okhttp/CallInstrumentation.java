package dev.clew.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
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

/** OkHttp's own {@code Call} ({@code okhttp3.RealCall} before 4.3, {@code okhttp3.internal.connection.RealCall} after). */
final class CallInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return nameStartsWith("okhttp3.").and(not(isInterface())).and(hasSuperType(named("okhttp3.Call")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("okhttp3.Call");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("okhttp3.Call");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("enqueue").and(takesArguments(1)).and(takesArgument(0, named("okhttp3.Callback"))),
        "dev.clew.instrumentation.okhttp.EnqueueAdvice");
  }
}
