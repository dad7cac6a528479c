package dev.clew.instrumentation.methods;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * INTERNAL spans around the methods the user names in {@code clew.trace.methods} or OpenTelemetry's
 * {@code otel.instrumentation.methods.include}: {@code com.acme.Orders[place,cancel];com.acme.Repo[*]}; and
 * spans around the methods the application annotates with OpenTelemetry's {@code @WithSpan}
 * ({@code otel.instrumentation.opentelemetry-instrumentation-annotations.enabled}, {@code .exclude-methods}).
 */
public final class MethodsInstrumentationModule extends InstrumentationModule {
  static final String ANNOTATIONS = "opentelemetry-instrumentation-annotations";

  public MethodsInstrumentationModule() {
    super("methods");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    String spec = config.getString("clew.trace.methods", "otel.instrumentation.methods.include", "");
    boolean annotations = config.isInstrumentationEnabled(ANNOTATIONS, true);
    List<TypeInstrumentation> list = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : MethodSpec.parse(spec).entrySet()) {
      List<String> methods = e.getValue();
      ElementMatcher.Junction<MethodDescription> matcher = isMethod().and(not(isAbstract())).and(not(isSynthetic()))
          .and(not(isConstructor()));
      if (!methods.contains("*")) {
        matcher = matcher.and(namedOneOf(methods.toArray(new String[0])));
      }
      if (annotations) {
        matcher = matcher.and(not(WithSpanInstrumentation.ANNOTATED)); // one span per call, the annotation's
      }
      list.add(new TracedClassInstrumentation(e.getKey(), matcher));
    }
    if (annotations) {
      String excluded = config.getString("otel.instrumentation." + ANNOTATIONS + ".exclude-methods", "");
      list.add(new WithSpanInstrumentation(methodsIn(MethodSpec.parse(excluded))));
    }
    return list;
  }

  /** The methods a {@code Class[m1,m2];Other[*]} spec names. */
  private static ElementMatcher<MethodDescription> methodsIn(Map<String, List<String>> spec) {
    ElementMatcher.Junction<MethodDescription> any = none();
    for (Map.Entry<String, List<String>> e : spec.entrySet()) {
      ElementMatcher.Junction<MethodDescription> inClass = isDeclaredBy(named(e.getKey()));
      List<String> methods = e.getValue();
      any = any.or(methods.contains("*") ? inClass : inClass.and(namedOneOf(methods.toArray(new String[0]))));
    }
    return any;
  }
}
