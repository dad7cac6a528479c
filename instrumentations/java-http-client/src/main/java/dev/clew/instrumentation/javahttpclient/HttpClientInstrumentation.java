package dev.clew.instrumentation.javahttpclient;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** The JDK's implementations of {@code java.net.http.HttpClient} (the facade and the client itself). */
final class HttpClientInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return nameStartsWith("jdk.internal.net.http.").and(hasSuperClass(named("java.net.http.HttpClient")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.net.http.HttpClient");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isPublic().and(named("send")).and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "dev.clew.instrumentation.javahttpclient.SendAdvice");
    target.applyAdvice(isPublic().and(named("sendAsync")).and(takesArgument(0, named("java.net.http.HttpRequest"))),
        "dev.clew.instrumentation.javahttpclient.SendAsyncAdvice");
  }
}
