package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.instrumentation.servlet.ServletInstrumentations;
import java.util.Arrays;
import java.util.List;

/**
 * SERVER spans for requests served by a {@code jakarta.servlet} container (Servlet 5.0-6.1): one span per
 * request from the first filter or servlet it enters (or joined to the container's), ended when the
 * response completes (also for asynchronous requests). Enabled by {@code otel.instrumentation.servlet.enabled}
 * or {@code otel.instrumentation.servlet-jakarta.enabled}.
 */
public final class ServletJakartaInstrumentationModule extends InstrumentationModule {
  public ServletJakartaInstrumentationModule() {
    super("servlet-jakarta", "servlet");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    // advice named, not loaded: its signatures name servlet types the agent's class loader does not have
    return ServletInstrumentations.forApi(config, "jakarta.servlet",
        "dev.clew.instrumentation.servlet.jakarta.ServletAdvice",
        "dev.clew.instrumentation.servlet.jakarta.StartAsyncAdvice");
  }

  @Override
  public List<String> requiredReferences() {
    return Arrays.asList("jakarta.servlet.http.HttpServletRequest#getHttpServletMapping",
        "jakarta.servlet.AsyncListener", "jakarta.servlet.AsyncContext#addListener");
  }
}
