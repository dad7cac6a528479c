package dev.clew.instrumentation.otelapi;

import dev.clew.core.context.ContextKey;

/**
 * An application object (its span or baggage) stored in clew's context next to the clew value it was turned
 * into: while clew's value is still the current one, the application gets its own object back (the same
 * instance, or its own SDK's span), not a new wrapper.
 */
final class Paired<C, A> {
  static final ContextKey<Paired<dev.clew.core.trace.Span, io.opentelemetry.api.trace.Span>> SPAN =
      ContextKey.named("opentelemetry-api.span");
  static final ContextKey<Paired<dev.clew.core.baggage.Baggage, io.opentelemetry.api.baggage.Baggage>> BAGGAGE =
      ContextKey.named("opentelemetry-api.baggage");

  final C clew;
  final A application;

  Paired(C clew, A application) {
    this.clew = clew;
    this.application = application;
  }
}
