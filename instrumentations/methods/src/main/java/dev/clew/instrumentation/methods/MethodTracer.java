package dev.clew.instrumentation.methods;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;

/** Starts and ends the span of a traced method; what the advice delegates to. */
public final class MethodTracer {
  private static final String SCOPE = "clew.methods";

  private MethodTracer() {}

  /** What enter hands to exit: the span and the scope that made it current. */
  static final class Call {
    final Span span;
    final Scope scope;

    Call(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }
  }

  public static Object start(String className, String methodName) {
    Tracer tracer = TracerProvider.global().tracer(SCOPE);
    int dot = className.lastIndexOf('.');
    Span span = tracer.spanBuilder(className.substring(dot + 1) + "." + methodName)
        .setAttribute("code.namespace", className)
        .setAttribute("code.function", methodName)
        .startSpan();
    return new Call(span, Context.current().with(span).makeCurrent());
  }

  public static void end(Object state, Throwable thrown) {
    if (!(state instanceof Call)) {
      return;
    }
    Call call = (Call) state;
    call.scope.close();
    if (thrown != null) {
      call.span.recordException(thrown);
      call.span.setStatus(StatusCode.ERROR, thrown.getMessage());
    }
    call.span.end();
  }
}
