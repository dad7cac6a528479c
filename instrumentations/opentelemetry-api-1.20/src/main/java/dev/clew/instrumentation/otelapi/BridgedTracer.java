package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

/** A tracer of the application's instrumentation scope: its spans carry that scope's name and version. */
final class BridgedTracer implements Tracer {
  private final dev.clew.core.trace.Tracer clew;

  BridgedTracer(dev.clew.core.trace.Tracer clew) {
    this.clew = clew;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new BridgedSpanBuilder(clew.spanBuilder(spanName));
  }
}
