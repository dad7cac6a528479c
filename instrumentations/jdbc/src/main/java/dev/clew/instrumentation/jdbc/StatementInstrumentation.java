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

/** Every implementation of {@code java.sql.Statement} (and so PreparedStatement and CallableStatement). */
final class StatementInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface()).and(hasSuperType(named("java.sql.Statement")));
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList("java.sql.Statement");
  }

  @Override
  public void transform(AdviceTarget target) {
    ElementMatcher.Junction<MethodDescription> body = isPublic().and(not(isAbstract()));
    target.applyAdvice(body.and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate"))
        .and(takesArguments(0).or(takesArgument(0, String.class))), "dev.clew.instrumentation.jdbc.ExecuteAdvice");
    target.applyAdvice(body.and(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
        "dev.clew.instrumentation.jdbc.ExecuteBatchAdvice");
    target.applyAdvice(body.and(named("addBatch")).and(takesArguments(0).or(takesArguments(String.class))),
        "dev.clew.instrumentation.jdbc.AddBatchAdvice");
    target.applyAdvice(body.and(named("clearBatch")).and(takesArguments(0)),
        "dev.clew.instrumentation.jdbc.ClearBatchAdvice");
    target.applyAdvice(body.and(named("close")).and(takesArguments(0)), "dev.clew.instrumentation.jdbc.CloseAdvice");
  }
}
