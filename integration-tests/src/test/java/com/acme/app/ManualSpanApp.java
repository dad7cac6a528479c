package com.acme.app;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;

/** One manual span through the OpenTelemetry API; prints its trace id. */
public final class ManualSpanApp {
  public static void main(String[] args) {
    Span span = GlobalOpenTelemetry.getTracer("manual").spanBuilder("one").startSpan();
    System.out.println("span " + span.getSpanContext().getTraceId() + " recording=" + span.isRecording());
    span.end();
  }
}
