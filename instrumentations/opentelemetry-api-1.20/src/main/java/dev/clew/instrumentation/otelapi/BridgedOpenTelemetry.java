package dev.clew.instrumentation.otelapi;

import dev.clew.core.log.AgentLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code GlobalOpenTelemetry.get()} answers while clew runs: clew's tracers and propagators (metrics and
 * logs stay the API's no-op defaults).
 */
final class BridgedOpenTelemetry implements OpenTelemetry {
  static final BridgedOpenTelemetry INSTANCE = new BridgedOpenTelemetry();
  private static final AtomicBoolean SET_IGNORED = new AtomicBoolean();

  private final ContextPropagators propagators = ContextPropagators.create(BridgedPropagator.INSTANCE);

  private BridgedOpenTelemetry() {}

  @Override
  public TracerProvider getTracerProvider() {
    return BridgedTracerProvider.INSTANCE;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  /** The application tried to install its own SDK as the global one: say once that clew's stays. */
  static void ignoreSet(Object applicationsOwn) {
    if (SET_IGNORED.compareAndSet(false, true)) {
      AgentLog.warn("GlobalOpenTelemetry.set(" + (applicationsOwn == null ? "null" : applicationsOwn.getClass().getName())
          + ") was ignored: with clew attached, the OpenTelemetry API's global tracers, propagators and context are"
          + " clew's (otel.instrumentation.opentelemetry-api.enabled=false leaves the API to the application)");
    }
  }

  @Override
  public String toString() {
    return "OpenTelemetry{clew}";
  }
}
