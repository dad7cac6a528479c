package dev.clew.instrumentation.otelapi;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Bridges the application's OpenTelemetry API 1.x to clew: the API's context storage and
 * {@code GlobalOpenTelemetry} answer with objects that implement the API's interfaces on top of clew's
 * context, tracer and propagators. Nothing of it loads unless the application has the API.
 */
public final class OpenTelemetryApiInstrumentationModule extends InstrumentationModule {
  public OpenTelemetryApiInstrumentationModule() {
    super("opentelemetry-api");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    return Arrays.asList(ApiTypeInstrumentation.contextStorage(), ApiTypeInstrumentation.globalOpenTelemetry());
  }

  @Override
  public List<String> requiredReferences() {
    // ContextStorage#root and TracerBuilder: the API of 1.4 and later (tested from 1.20); the bridge also needs
    // the trace and baggage API next to the context, which an application with opentelemetry-context alone lacks
    return Arrays.asList("io.opentelemetry.context.ContextStorage#root", "io.opentelemetry.api.trace.TracerBuilder",
        "io.opentelemetry.api.baggage.Baggage", "io.opentelemetry.api.GlobalOpenTelemetry");
  }
}
