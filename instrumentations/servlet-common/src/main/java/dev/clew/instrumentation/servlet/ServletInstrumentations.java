package dev.clew.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.AdviceTarget;
import dev.clew.core.instrument.ClassLoaderMatchers;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The types a servlet API module instruments, for the API under a base package, and the settings both servlet
 * modules read (this class loads once, from the agent loader, so the helpers of every class loader see them).
 */
public final class ServletInstrumentations {
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;
  private static volatile boolean traceResponse;

  private ServletInstrumentations() {}

  /**
   * {@code Servlet.service} and {@code Filter.doFilter} ({@code servletAdvice}), {@code ServletRequest.startAsync}
   * ({@code startAsyncAdvice}), and {@code AsyncContext.start(Runnable)}, whose task takes the request's context;
   * reads the servlet settings from {@code config} first, before any advice runs.
   *
   * @param api the base package, {@code javax.servlet} or {@code jakarta.servlet}
   */
  public static List<TypeInstrumentation> forApi(Config config, String api, String servletAdvice,
      String startAsyncAdvice) {
    settings = HttpSettings.fromConfig(config);
    traceResponse = config.getBoolean("clew.servlet.traceresponse", false);
    ElementMatcher<MethodDescription> serviceOrDoFilter = isPublic().and(not(isAbstract()))
        .and(named("service").and(takesArguments(2)).or(named("doFilter").and(takesArguments(3))))
        .and(takesArgument(0, named(api + ".ServletRequest")))
        .and(takesArgument(1, named(api + ".ServletResponse")));
    return Arrays.<TypeInstrumentation>asList(
        new Type(api + ".Servlet", Arrays.asList(api + ".Servlet", api + ".Filter"), serviceOrDoFilter,
            servletAdvice),
        new Type(api + ".AsyncContext", Collections.singletonList(api + ".ServletRequest"),
            named("startAsync").and(isPublic()).and(returns(named(api + ".AsyncContext"))), startAsyncAdvice),
        new Type(api + ".AsyncContext", Collections.singletonList(api + ".AsyncContext"),
            named("start").and(takesArguments(1)).and(takesArgument(0, named("java.lang.Runnable"))),
            AsyncContextStartAdvice.class.getName()));
  }

  /** Captured headers and URL redaction for the SERVER spans. */
  public static HttpSettings settings() {
    return settings;
  }

  /** Whether responses get the W3C {@code traceresponse} header ({@code clew.servlet.traceresponse}). */
  public static boolean traceResponse() {
    return traceResponse;
  }

  /** Advice on the methods of the classes implementing one API type, in loaders that have a marker class. */
  private static final class Type implements TypeInstrumentation {
    private final String loaderMarker;
    private final List<String> superTypes;
    private final ElementMatcher<MethodDescription> methods;
    private final String adviceClass;

    Type(String loaderMarker, List<String> superTypes, ElementMatcher<MethodDescription> methods,
        String adviceClass) {
      this.loaderMarker = loaderMarker;
      this.superTypes = superTypes;
      this.methods = methods;
      this.adviceClass = adviceClass;
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
      return ClassLoaderMatchers.hasClassesNamed(loaderMarker);
    }

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return not(isInterface()).and(hasSuperType(namedOneOf(superTypes.toArray(new String[0]))));
    }

    @Override
    public List<String> relevantTypes() {
      return superTypes;
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(methods, adviceClass);
    }
  }
}
