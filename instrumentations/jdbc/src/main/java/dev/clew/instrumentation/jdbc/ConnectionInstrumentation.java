package dev.clew.instrumentation.jdbc;

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
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Every implementation of {@code java.sql.Connection}: prepare calls, and optionally commit/rollback. */
final class ConnectionInstrumentation implements TypeInstrumentation {
  private final boolean transactionSpans;

  ConnectionInstrumentation(boolean transactionSpans) {
    this.transactionSpans = transactionSpans;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("java.sql.Connection")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.sql.Connection");
  }

  @Override
  public void transform(AdviceTarget target) {
    ElementMatcher.Junction<MethodDescription> body = isPublic().and(not(isAbstract()));
    target.applyAdvice(body.and(namedOneOf("prepareStatement", "prepareCall")).and(takesArgument(0, String.class)),
        "dev.clew.instrumentation.jdbc.PrepareAdvice");
    if (transactionSpans) {
      target.applyAdvice(body.and(namedOneOf("commit", "rollback")).and(takesArguments(0)),
          "dev.clew.instrumentation.jdbc.TransactionAdvice");
    }
  }
}
