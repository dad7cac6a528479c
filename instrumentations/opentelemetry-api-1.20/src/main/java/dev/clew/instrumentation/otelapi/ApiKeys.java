package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.ImplicitContextKeyed;

/**
 * The API's own context keys of the span and the baggage. They are package-private in the API; the values
 * name them when they store themselves ({@code storeInContext}), so a probe context learns them without
 * reflection into the API.
 */
final class ApiKeys {
  static final ContextKey<Span> SPAN = keyOf(Span.getInvalid());
  static final ContextKey<Baggage> BAGGAGE = keyOf(Baggage.empty());

  private ApiKeys() {}

  @SuppressWarnings("unchecked")
  private static <T> ContextKey<T> keyOf(ImplicitContextKeyed value) {
    Probe probe = new Probe();
    value.storeInContext(probe);
    return (ContextKey<T>) probe.key;
  }

  /** Remembers the key it is asked to store a value under. */
  private static final class Probe implements Context {
    ContextKey<?> key;

    @Override
    public <V> V get(ContextKey<V> k) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> k, V value) {
      key = k;
      return this;
    }
  }
}
