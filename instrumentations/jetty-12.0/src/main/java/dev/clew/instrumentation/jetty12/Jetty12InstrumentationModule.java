package dev.clew.instrumentation.jetty12;

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
 * SERVER spans for every request a Jetty 12 server handles, started in its core {@code Server.handle} (below
 * any servlet environment), so requests answered before any servlet context are traced too. The servlet
 * modules join the span and add the route; it ends when the response completes, also asynchronously.
 * {@code otel.instrumentation.jetty.enabled}.
 */
public final class Jetty12InstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  private static final String SERVER = "org.eclipse.jetty.server.Server";

  public Jetty12InstrumentationModule() {
    super("jetty");
  }

  /** Captured headers and URL redaction for the SERVER spans. */
  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Collections.<TypeInstrumentation>singletonList(new ServerInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    // the completion listener is Jetty 12's; Jetty 9.4-11 (HttpChannel) is jetty-9.4's
    return Arrays.asList("org.eclipse.jetty.server.Request#addCompletionListener",
        "org.eclipse.jetty.server.Request#getHttpURI", "org.eclipse.jetty.http.HttpFields#getValuesList");
  }

  /** {@code Server.handle(Request, Response, Callback)}: every request, once. */
  private static final class ServerInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
      return ClassLoaderMatchers.hasClassesNamed(SERVER);
    }

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named(SERVER);
    }

    @Override
    public List<String> relevantTypes() {
      return Collections.singletonList(SERVER);
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(named("handle").and(takesArguments(3))
          .and(takesArgument(0, named("org.eclipse.jetty.server.Request")))
          .and(takesArgument(2, named("org.eclipse.jetty.util.Callback"))),
          "dev.clew.instrumentation.jetty12.ServerHandleAdvice");
    }
  }
}
