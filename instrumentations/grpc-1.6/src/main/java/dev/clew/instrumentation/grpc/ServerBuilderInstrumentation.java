package dev.clew.instrumentation.grpc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The server builders every transport's builder ends in: {@code AbstractServerImplBuilder} (grpc-java
 * before 1.33) and {@code ServerImplBuilder} (Netty's and in-process's forwarding builders delegate to it).
 */
final class ServerBuilderInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.grpc.ServerBuilder");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("io.grpc.internal.AbstractServerImplBuilder", "io.grpc.internal.ServerImplBuilder");
  }

  @Override
  public List<String> relevantTypes() {
    return Arrays.asList("io.grpc.internal.AbstractServerImplBuilder", "io.grpc.internal.ServerImplBuilder");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("build").and(takesArguments(0)), "dev.clew.instrumentation.grpc.ServerBuildAdvice");
  }
}
