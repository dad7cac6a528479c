package dev.clew.instrumentation.apachehttpclient4;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
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

/** {@code CloseableHttpClient.doExecute(HttpHost, HttpRequest, HttpContext)} of every implementation. */
final class ClientInstrumentation implements TypeInstrumentation {
  static final String CLIENT = "org.apache.http.impl.client.CloseableHttpClient";

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // the library's own clients only: a name check first spares a superclass walk for every class
    return nameStartsWith("org.apache.http.impl.").and(hasSuperClass(named(CLIENT)));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(CLIENT);
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(CLIENT);
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("doExecute").and(not(isAbstract())).and(takesArguments(3))
            .and(takesArgument(1, named("org.apache.http.HttpRequest"))),
        "dev.clew.instrumentation.apachehttpclient4.ExecuteAdvice");
  }
}
