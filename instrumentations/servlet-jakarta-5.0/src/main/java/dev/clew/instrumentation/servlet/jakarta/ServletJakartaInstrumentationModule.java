package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.HttpSettings;
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
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use them. */
  private static volatile HttpSettings settings = HttpSettings.DEFAULT;
  private static volatile boolean traceResponse;

  public ServletJakartaInstrumentationModule() {
    super("servlet-jakarta", "servlet");
  }

  /** Captured headers and URL redaction for the SERVER spans. */
  public static HttpSettings settings() {
    return settings;
  }

  /** Whether responses get the W3C {@code traceresponse} header ({@code clew.servlet.traceresponse}). */
  public static boolean traceResponse() {
    return traceResponse;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    settings = HttpSettings.fromConfig(config);
    traceResponse = config.getBoolean("clew.servlet.traceresponse", false);
    // advice named, not loaded: its signatures name servlet types the agent's class loader does not have
    return ServletInstrumentations.forApi("jakarta.servlet", "dev.clew.instrumentation.servlet.jakarta.ServletAdvice",
        "dev.clew.instrumentation.servlet.jakarta.StartAsyncAdvice");
  }

  @Override
  public List<String> requiredReferences() {
    return Arrays.asList("jakarta.servlet.http.HttpServletRequest#getHttpServletMapping",
        "jakarta.servlet.AsyncListener", "jakarta.servlet.AsyncContext#addListener");
  }
}
