package dev.clew.instrumentation.methods;

import static dev.clew.core.semconv.SemanticAttributes.CODE_FUNCTION;
import static dev.clew.core.semconv.SemanticAttributes.CODE_NAMESPACE;

import dev.clew.core.instrument.ActiveSpan;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;

/** Starts and ends the span of a traced method; what the advice delegates to. */
public final class MethodTracer {
  private static final String SCOPE = "clew.methods";

  private MethodTracer() {}

  public static Object start(String className, String methodName) {
    Tracer tracer = TracerProvider.global().tracer(SCOPE);
    int dot = className.lastIndexOf('.');
    Span span = tracer.spanBuilder(className.substring(dot + 1) + "." + methodName)
        .setAttribute(CODE_NAMESPACE, className)
        .setAttribute(CODE_FUNCTION, methodName)
        .startSpan();
    return ActiveSpan.start(span);
  }

  public static void end(Object state, Throwable thrown) {
    if (state instanceof ActiveSpan) {
      ((ActiveSpan) state).end(thrown);
    }
  }
}
