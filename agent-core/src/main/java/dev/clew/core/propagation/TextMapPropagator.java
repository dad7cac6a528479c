package dev.clew.core.propagation;

import dev.clew.core.context.Context;
import java.util.Collection;
import java.util.Collections;

/**
 * Injects a context into a carrier and extracts one from it, in one wire format. Extraction never
 * throws: malformed input yields the given context unchanged (so the span starts a new trace).
 */
public interface TextMapPropagator {
  /** The keys this propagator writes, e.g. {@code traceparent, tracestate}. */
  Collection<String> fields();

  <C> void inject(Context context, C carrier, TextMapSetter<C> setter);

  <C> Context extract(Context context, C carrier, TextMapGetter<C> getter);

  static TextMapPropagator noop() {
    return NoopPropagator.INSTANCE;
  }

  /** Does nothing; the propagator when {@code otel.propagators=none}. */
  final class NoopPropagator implements TextMapPropagator {
    static final NoopPropagator INSTANCE = new NoopPropagator();

    @Override
    public Collection<String> fields() {
      return Collections.emptyList();
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {}

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
      return context;
    }
  }
}
