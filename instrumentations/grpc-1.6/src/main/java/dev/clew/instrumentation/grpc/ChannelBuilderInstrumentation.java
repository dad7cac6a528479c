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
 * The channel builders every transport's builder ends in: {@code AbstractManagedChannelImplBuilder}
 * (grpc-java before 1.33) and {@code ManagedChannelImplBuilder} (the forwarding builders of Netty,
 * OkHttp and in-process delegate {@code build()} to it). Matching by name keeps start-up cheap: no
 * hierarchy walk over every {@code ManagedChannelBuilder}.
 */
final class ChannelBuilderInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.grpc.ManagedChannelBuilder");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf("io.grpc.internal.AbstractManagedChannelImplBuilder", "io.grpc.internal.ManagedChannelImplBuilder");
  }

  @Override
  public List<String> relevantTypes() {
    return Arrays.asList("io.grpc.internal.AbstractManagedChannelImplBuilder", "io.grpc.internal.ManagedChannelImplBuilder");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("build").and(takesArguments(0)), "dev.clew.instrumentation.grpc.ChannelBuildAdvice");
  }
}
