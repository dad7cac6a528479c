package dev.clew.instrumentation.httpurlconnection;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code java.net.HttpURLConnection} and the JDK's implementations of it. */
final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.net.HttpURLConnection")
        .or(nameStartsWith("sun.net.www.protocol.").and(hasSuperClass(named("java.net.HttpURLConnection"))));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.net.HttpURLConnection");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(isPublic().and(namedOneOf("connect", "getOutputStream")).and(takesArguments(0)),
        "dev.clew.instrumentation.httpurlconnection.RequestAdvice");
    target.applyAdvice(isPublic().and(namedOneOf("getInputStream", "getResponseCode")).and(takesArguments(0)),
        "dev.clew.instrumentation.httpurlconnection.ResponseAdvice");
  }
}
