package dev.clew.instrumentation.tomcat;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * SERVER spans for every request Tomcat 9-11 serves, started where its connector hands the request to the
 * container ({@code CoyoteAdapter}), so requests answered before any filter or servlet (an unmapped path)
 * are traced too. The servlet modules join this span and add the route; it ends when the request
 * completes, also asynchronously. {@code otel.instrumentation.tomcat.enabled}.
 */
public final class TomcatInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  private static final String ADAPTER = "org.apache.catalina.connector.CoyoteAdapter";

  public TomcatInstrumentationModule() {
    super("tomcat");
  }

  /** Captured headers and URL redaction for the SERVER spans. */
  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Collections.<TypeInstrumentation>singletonList(new CoyoteAdapterInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    return Arrays.asList(ADAPTER + "#asyncDispatch", "org.apache.coyote.Request#setAttribute",
        "org.apache.coyote.ActionCode", "org.apache.tomcat.util.http.MimeHeaders#values");
  }

  /** {@code service} (a request enters) and {@code asyncDispatch} (an async request goes on, or completes). */
  private static final class CoyoteAdapterInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
      return ClassLoaderMatchers.hasClassesNamed(ADAPTER);
    }

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named(ADAPTER);
    }

    @Override
    public List<String> relevantTypes() {
      return Collections.singletonList(ADAPTER);
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(named("service").and(takesArguments(2)).or(named("asyncDispatch").and(takesArguments(3)))
          .and(takesArgument(0, named("org.apache.coyote.Request"))), "dev.clew.instrumentation.tomcat.CoyoteAdapterAdvice");
    }
  }
}
