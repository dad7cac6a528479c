package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/** Turns the API's contexts, spans and baggage into clew's and back. */
final class ContextBridge {
  private ContextBridge() {}

  /** Clew's context for one of the application's; a context the application implemented itself is copied. */
  static dev.clew.core.context.Context toClew(Context context) {
    if (context == null) {
      return dev.clew.core.context.Context.root();
    }
    if (context instanceof BridgedContext) {
      return ((BridgedContext) context).clew;
    }
    dev.clew.core.context.Context clew = dev.clew.core.context.Context.root();
    Span span = context.get(ApiKeys.SPAN);
    if (span != null) {
      clew = withSpan(clew, span);
    }
    Baggage baggage = context.get(ApiKeys.BAGGAGE);
    if (baggage != null) {
      clew = withBaggage(clew, baggage);
    }
    return clew.with(AppValues.KEY, AppValues.over(context));
  }

  /** The span of a clew context as the API's; null when it has none (the API then answers its invalid span). */
  static Span applicationSpan(dev.clew.core.context.Context clew) {
    dev.clew.core.trace.Span span = dev.clew.core.trace.Span.fromContext(clew);
    Paired<dev.clew.core.trace.Span, Span> paired = clew.get(Paired.SPAN);
    if (paired != null && paired.clew == span) {
      return paired.application;
    }
    return span.spanContext().isValid() ? new BridgedSpan(span) : null;
  }

  static dev.clew.core.context.Context withSpan(dev.clew.core.context.Context clew, Span span) {
    dev.clew.core.trace.Span mine = toClew(span);
    return clew.with(mine).with(Paired.SPAN, span == null ? null : new Paired<>(mine, span));
  }

  /** Clew's span for one of the application's: its own if clew made it, else one that carries its context. */
  static dev.clew.core.trace.Span toClew(Span span) {
    if (span == null) {
      return dev.clew.core.trace.Span.invalid();
    }
    if (span instanceof BridgedSpan) {
      return ((BridgedSpan) span).clew;
    }
    // Span.wrap(...), Span.getInvalid(), or a span of the application's own SDK: clew's spans become its children
    return dev.clew.core.trace.Span.wrap(SpanContexts.toClew(span.getSpanContext()));
  }

  static Baggage applicationBaggage(dev.clew.core.context.Context clew) {
    dev.clew.core.baggage.Baggage baggage = clew.get(dev.clew.core.baggage.Baggage.KEY);
    if (baggage == null) {
      return null;
    }
    Paired<dev.clew.core.baggage.Baggage, Baggage> paired = clew.get(Paired.BAGGAGE);
    if (paired != null && paired.clew == baggage) {
      return paired.application;
    }
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i < baggage.size(); i++) {
      builder.put(baggage.key(i), baggage.value(i), BaggageEntryMetadata.create(baggage.metadata(i)));
    }
    return builder.build();
  }

  static dev.clew.core.context.Context withBaggage(dev.clew.core.context.Context clew, Baggage baggage) {
    dev.clew.core.baggage.Baggage mine = toClew(baggage);
    return clew.with(dev.clew.core.baggage.Baggage.KEY, mine)
        .with(Paired.BAGGAGE, baggage == null ? null : new Paired<>(mine, baggage));
  }

  static dev.clew.core.baggage.Baggage toClew(Baggage baggage) {
    if (baggage == null || baggage.isEmpty()) {
      return dev.clew.core.baggage.Baggage.empty();
    }
    dev.clew.core.baggage.Baggage.Builder builder = dev.clew.core.baggage.Baggage.builder();
    baggage.forEach((key, entry) -> builder.put(key, entry.getValue(), entry.getMetadata().getValue()));
    return builder.build();
  }
}
