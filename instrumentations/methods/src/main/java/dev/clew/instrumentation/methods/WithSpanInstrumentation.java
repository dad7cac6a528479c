package dev.clew.instrumentation.methods;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasParameters;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.whereAny;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Methods annotated {@code @WithSpan} (OpenTelemetry's instrumentation annotations, or the older extension
 * annotations): three advices, so that only methods with {@code @SpanAttribute} parameters box their
 * arguments and only methods returning a {@code CompletionStage} hand their return value over.
 */
final class WithSpanInstrumentation implements TypeInstrumentation {
  static final String WITH_SPAN = "io.opentelemetry.instrumentation.annotations.WithSpan";
  static final String SPAN_ATTRIBUTE = "io.opentelemetry.instrumentation.annotations.SpanAttribute";
  static final String OLD_WITH_SPAN = "io.opentelemetry.extension.annotations.WithSpan";
  static final String OLD_SPAN_ATTRIBUTE = "io.opentelemetry.extension.annotations.SpanAttribute";

  /** Annotated methods: what {@link MethodsInstrumentationModule} leaves out of configured method tracing. */
  static final ElementMatcher.Junction<MethodDescription> ANNOTATED =
      isAnnotatedWith(namedOneOf(WITH_SPAN, OLD_WITH_SPAN));

  private final ElementMatcher<MethodDescription> excluded;
  private final ElementMatcher<ClassLoader> withAnnotations;

  WithSpanInstrumentation(ElementMatcher<MethodDescription> excluded) {
    this.excluded = excluded;
    ElementMatcher<ClassLoader> current = ClassLoaderMatchers.hasClassesNamed(WITH_SPAN);
    ElementMatcher<ClassLoader> old = ClassLoaderMatchers.hasClassesNamed(OLD_WITH_SPAN);
    // an application without the annotations costs one resource lookup per class loader, nothing per class;
    // with them, a look at each class's constant pool (relevantAnnotations)
    this.withAnnotations = loader -> current.matches(loader) || old.matches(loader);
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return withAnnotations;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return declaresMethod(ANNOTATED);
  }

  /** Only classes whose constant pool names @WithSpan reach Byte Buddy. */
  @Override
  public List<String> relevantAnnotations() {
    return Arrays.asList(WITH_SPAN, OLD_WITH_SPAN);
  }

  @Override
  public void transform(AdviceTarget target) {
    ElementMatcher.Junction<MethodDescription> traced = isMethod().and(not(isAbstract())).and(ANNOTATED)
        .and(not(excluded));
    ElementMatcher.Junction<MethodDescription> async =
        returns(hasSuperType(named("java.util.concurrent.CompletionStage")));
    ElementMatcher.Junction<MethodDescription> withAttributes =
        hasParameters(whereAny(isAnnotatedWith(namedOneOf(SPAN_ATTRIBUTE, OLD_SPAN_ATTRIBUTE))));
    target.applyAdvice(traced.and(async), "dev.clew.instrumentation.methods.WithSpanAsyncAdvice");
    target.applyAdvice(traced.and(not(async)).and(withAttributes),
        "dev.clew.instrumentation.methods.WithSpanAttributesAdvice");
    target.applyAdvice(traced.and(not(async)).and(not(withAttributes)),
        "dev.clew.instrumentation.methods.WithSpanAdvice");
  }
}
