package dev.clew.instrumentation.otelapi;

import dev.clew.core.trace.Ids;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;

/** Span contexts and trace states between the API and clew: ids, flags, trace state and the remote bit kept. */
final class SpanContexts {
  private SpanContexts() {}

  static dev.clew.core.trace.SpanContext toClew(SpanContext context) {
    if (context == null || !context.isValid()) {
      return dev.clew.core.trace.SpanContext.INVALID;
    }
    String traceId = context.getTraceId(); // valid: 32 and 16 lower-case hex digits
    String spanId = context.getSpanId();
    boolean[] ok = {true};
    long hi = Ids.parseHex(traceId, 0, 16, ok);
    long lo = Ids.parseHex(traceId, 16, 16, ok);
    long id = Ids.parseHex(spanId, 0, 16, ok);
    if (!ok[0]) {
      return dev.clew.core.trace.SpanContext.INVALID;
    }
    byte flags = context.getTraceFlags().asByte();
    dev.clew.core.trace.TraceState state = toClew(context.getTraceState());
    return context.isRemote() ? dev.clew.core.trace.SpanContext.createFromRemote(hi, lo, id, flags, state)
        : dev.clew.core.trace.SpanContext.create(hi, lo, id, flags, state);
  }

  static SpanContext toApplication(dev.clew.core.trace.SpanContext context) {
    if (!context.isValid()) {
      return SpanContext.getInvalid();
    }
    TraceFlags flags = TraceFlags.fromByte(context.flags());
    TraceState state = toApplication(context.traceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(context.traceIdHex(), context.spanIdHex(), flags, state)
        : SpanContext.create(context.traceIdHex(), context.spanIdHex(), flags, state);
  }

  private static dev.clew.core.trace.TraceState toClew(TraceState state) {
    if (state == null || state.isEmpty()) {
      return dev.clew.core.trace.TraceState.EMPTY;
    }
    List<String> keysAndValues = new ArrayList<>(2 * state.size());
    state.forEach((k, v) -> {
      keysAndValues.add(k);
      keysAndValues.add(v);
    });
    return dev.clew.core.trace.TraceState.ofValidated(keysAndValues); // the API's builder validated them
  }

  private static TraceState toApplication(dev.clew.core.trace.TraceState state) {
    if (state.isEmpty()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder builder = TraceState.builder();
    for (int i = state.size() - 1; i >= 0; i--) { // the builder puts each new key first
      builder.put(state.key(i), state.value(i));
    }
    return builder.build();
  }
}
