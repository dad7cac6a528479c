package dev.clew.instrumentation.servlet.javax;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.instrumentation.servlet.ServletInstrumentations;
import java.util.Arrays;
import java.util.List;

/**
 * SERVER spans for requests served by a {@code javax.servlet} container (Servlet 3.0-4.0): one span per
 * request from the first filter or servlet it enters (or joined to the container's), ended when the
 * response completes (also for asynchronous requests). Enabled by {@code otel.instrumentation.servlet.enabled}
 * or {@code otel.instrumentation.servlet-javax.enabled}.
 */
public final class ServletJavaxInstrumentationModule extends InstrumentationModule {
  public ServletJavaxInstrumentationModule() {
    super("servlet-javax", "servlet");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    // advice named, not loaded: its signatures name servlet types the agent's class loader does not have
    return ServletInstrumentations.forApi(config, "javax.servlet",
        "dev.clew.instrumentation.servlet.javax.ServletAdvice",
        "dev.clew.instrumentation.servlet.javax.StartAsyncAdvice");
  }

  @Override
  public List<String> requiredReferences() {
    // Servlet 3.0: async support; the 4.0 servlet mapping (for http.route) is used where present
    return Arrays.asList("javax.servlet.http.HttpServletRequest#startAsync", "javax.servlet.AsyncListener",
        "javax.servlet.AsyncContext#addListener");
  }
}
