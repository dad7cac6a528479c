package dev.clew.instrumentation.otelapi;

import dev.clew.core.propagation.Propagators;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;

/** The API's propagator on clew's configured one ({@code otel.propagators}): same formats, same bounds. */
final class BridgedPropagator implements TextMapPropagator {
  static final BridgedPropagator INSTANCE = new BridgedPropagator();

  private BridgedPropagator() {}

  private static dev.clew.core.propagation.TextMapPropagator clew() {
    return Propagators.global();
  }

  @Override
  public Collection<String> fields() {
    return clew().fields();
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context != null && setter != null) {
      clew().inject(ContextBridge.toClew(context), carrier, setter::set);
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = BridgedContext.ROOT;
    }
    if (getter == null) {
      return context;
    }
    dev.clew.core.context.Context extracted = clew().extract(ContextBridge.toClew(context), carrier,
        new dev.clew.core.propagation.TextMapGetter<C>() {
          @Override
          @SuppressWarnings("deprecation") // abstract in the older APIs, deprecated (a default) in the newer ones
          public Iterable<String> keys(C c) {
            return getter.keys(c);
          }

          @Override
          public String get(C c, String key) {
            return getter.get(c, key);
          }
        });
    return BridgedContext.of(extracted);
  }

  @Override
  public String toString() {
    return "TextMapPropagator{clew " + clew() + "}";
  }
}
