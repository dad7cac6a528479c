package dev.clew.instrumentation.jetty9;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
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
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * SERVER spans for every request a Jetty 9.4-11 server handles, started in {@code Server.handle(HttpChannel)}
 * (before any context or servlet), so requests no servlet sees are traced too, and ended when the channel
 * completes the exchange ({@code HttpChannel.onCompleted}), also asynchronously. The servlet modules join
 * the span and add the route. Same name as Jetty 12's module: {@code otel.instrumentation.jetty.enabled}.
 */
public final class Jetty9InstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use it. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;

  private static final String SERVER = "org.eclipse.jetty.server.Server";
  private static final String CHANNEL = "org.eclipse.jetty.server.HttpChannel";

  public Jetty9InstrumentationModule() {
    super("jetty");
  }

  /** Captured headers and URL redaction for the SERVER spans. */
  public static HttpSettings settings() {
    return settings;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    return Arrays.<TypeInstrumentation>asList(
        new Type(SERVER, namedOneOf("handle", "handleAsync").and(takesArguments(1)).and(takesArgument(0, named(CHANNEL))),
            "dev.clew.instrumentation.jetty9.ServerHandleAdvice"),
        new Type(CHANNEL, named("onCompleted").and(takesArguments(0)), "dev.clew.instrumentation.jetty9.ChannelCompletedAdvice"));
  }

  @Override
  public List<String> requiredReferences() {
    // Server.handleAsync(HttpChannel) is gone in Jetty 12, whose core API is jetty-12.0's
    return Arrays.asList(SERVER + "#handleAsync", CHANNEL + "#onCompleted", "org.eclipse.jetty.server.Request#getHeaders");
  }

  /** One method family of one Jetty class. */
  private static final class Type implements TypeInstrumentation {
    private final String className;
    private final ElementMatcher<MethodDescription> methods;
    private final String advice;

    Type(String className, ElementMatcher<MethodDescription> methods, String advice) {
      this.className = className;
      this.methods = methods;
      this.advice = advice;
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
      return ClassLoaderMatchers.hasClassesNamed(CHANNEL);
    }

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named(className);
    }

    @Override
    public List<String> relevantTypes() {
      return Collections.singletonList(className);
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(methods, advice);
    }
  }
}
