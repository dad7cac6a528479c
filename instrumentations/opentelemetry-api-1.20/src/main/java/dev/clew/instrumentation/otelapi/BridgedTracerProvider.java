package dev.clew.instrumentation.otelapi;

import dev.clew.core.trace.TracerProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;

/** The API's tracer provider on clew's: one scope per instrumentation name and version (the schema URL is not kept). */
final class BridgedTracerProvider implements io.opentelemetry.api.trace.TracerProvider {
  static final BridgedTracerProvider INSTANCE = new BridgedTracerProvider();

  private BridgedTracerProvider() {}

  @Override
  public Tracer get(String instrumentationScopeName) {
    return get(instrumentationScopeName, null);
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    String name = instrumentationScopeName == null ? "" : instrumentationScopeName;
    return new BridgedTracer(TracerProvider.global().tracer(name, instrumentationScopeVersion));
  }

  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return new BridgedTracerBuilder(instrumentationScopeName);
  }

  /** Collects the scope's version; the schema URL is accepted and not recorded. */
  private static final class BridgedTracerBuilder implements TracerBuilder {
    private final String name;
    private String version;

    BridgedTracerBuilder(String name) {
      this.name = name;
    }

    @Override
    public TracerBuilder setSchemaUrl(String schemaUrl) {
      return this;
    }

    @Override
    public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
      this.version = instrumentationScopeVersion;
      return this;
    }

    @Override
    public Tracer build() {
      return INSTANCE.get(name, version);
    }
  }
}
