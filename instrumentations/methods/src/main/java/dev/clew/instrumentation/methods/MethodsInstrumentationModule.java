package dev.clew.instrumentation.methods;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
 * {@code otel.instrumentation.methods.include}: {@code com.acme.Orders[place,cancel];com.acme.Repo[*]}.
 */
public final class MethodsInstrumentationModule extends InstrumentationModule {
  public MethodsInstrumentationModule() {
    super("methods");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    String spec = config.getString("clew.trace.methods", "otel.instrumentation.methods.include", "");
    List<TypeInstrumentation> list = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : MethodSpec.parse(spec).entrySet()) {
      List<String> methods = e.getValue();
      ElementMatcher.Junction<MethodDescription> matcher = isMethod().and(not(isAbstract())).and(not(isSynthetic()))
          .and(not(isConstructor()));
      if (!methods.contains("*")) {
        matcher = matcher.and(namedOneOf(methods.toArray(new String[0])));
      }
      list.add(new TracedClassInstrumentation(e.getKey(), matcher));
    }
    return list;
  }
}
