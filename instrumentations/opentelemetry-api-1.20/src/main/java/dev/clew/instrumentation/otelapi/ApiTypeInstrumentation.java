package dev.clew.instrumentation.otelapi;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One class of the API, named exactly, with the static methods that hand out its globals. */
final class ApiTypeInstrumentation implements TypeInstrumentation {
  private static final String ADVICE = "dev.clew.instrumentation.otelapi.";

  private final String type;
  private final Consumer<AdviceTarget> advice;

  private ApiTypeInstrumentation(String type, Consumer<AdviceTarget> advice) {
    this.type = type;
    this.advice = advice;
  }

  /** {@code ContextStorage.get()}, behind every {@code Context.current()}, {@code root()} and {@code makeCurrent()}. */
  static ApiTypeInstrumentation contextStorage() {
    return new ApiTypeInstrumentation("io.opentelemetry.context.ContextStorage",
        t -> t.applyAdvice(named("get").and(isStatic()).and(takesNoArguments()), ADVICE + "ContextStorageAdvice"));
  }

  /** {@code GlobalOpenTelemetry.get()} (and {@code getOrNoop()}) answer clew's; {@code set(...)} is ignored. */
  static ApiTypeInstrumentation globalOpenTelemetry() {
    return new ApiTypeInstrumentation("io.opentelemetry.api.GlobalOpenTelemetry", t -> {
      t.applyAdvice(namedOneOf("get", "getOrNoop").and(isStatic()).and(takesNoArguments()), ADVICE + "GlobalGetAdvice");
      t.applyAdvice(named("set").and(isStatic()).and(takesArguments(1)), ADVICE + "GlobalSetAdvice");
    });
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(type);
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(type);
  }

  @Override
  public List<String> relevantTypes() {
    return Collections.singletonList(type);
  }

  @Override
  public void transform(AdviceTarget target) {
    advice.accept(target);
  }
}
