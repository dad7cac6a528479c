package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The API's {@link Context} as the application sees it, backed by one of clew's contexts: the span and the
 * baggage are clew's (converted on the way in and out), anything else the application stores rides along in
 * clew's context ({@link AppValues}). Immutable, like both contexts it joins.
 */
final class BridgedContext implements Context {
  static final BridgedContext ROOT = new BridgedContext(dev.clew.core.context.Context.root());

  final dev.clew.core.context.Context clew;

  BridgedContext(dev.clew.core.context.Context clew) {
    this.clew = clew;
  }

  static Context of(dev.clew.core.context.Context clew) {
    return clew.isRoot() ? ROOT : new BridgedContext(clew);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == ApiKeys.SPAN) {
      return (V) ContextBridge.applicationSpan(clew);
    }
    if (key == ApiKeys.BAGGAGE) {
      return (V) ContextBridge.applicationBaggage(clew);
    }
    AppValues values = clew.get(AppValues.KEY);
    return values == null ? null : (V) values.get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == ApiKeys.SPAN) {
      return new BridgedContext(ContextBridge.withSpan(clew, (Span) value));
    }
    if (key == ApiKeys.BAGGAGE) {
      return new BridgedContext(ContextBridge.withBaggage(clew, (Baggage) value));
    }
    AppValues values = clew.get(AppValues.KEY);
    return new BridgedContext(clew.with(AppValues.KEY, (values == null ? AppValues.EMPTY : values).with(key, value)));
  }

  @Override
  public String toString() {
    return "Context{clew " + clew + "}";
  }
}
