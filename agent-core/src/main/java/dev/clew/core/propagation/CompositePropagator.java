package dev.clew.core.propagation;

import dev.clew.core.context.Context;
import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Several formats at once: injection writes every one; extraction runs each in the configured order,
 * and the first that yields a valid span context decides the parent (later ones may still add baggage).
 */
public final class CompositePropagator implements TextMapPropagator {
  private final TextMapPropagator[] propagators;
  private final Collection<String> fields;

  public CompositePropagator(List<TextMapPropagator> propagators) {
    this.propagators = propagators.toArray(new TextMapPropagator[0]);
    LinkedHashSet<String> f = new LinkedHashSet<>();
    for (TextMapPropagator p : propagators) {
      f.addAll(p.fields());
    }
    this.fields = new ArrayList<>(f);
  }

  @Override
  public Collection<String> fields() {
    return fields;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    for (TextMapPropagator p : propagators) {
      try {
        p.inject(context, carrier, setter);
      } catch (Throwable t) {
        AgentLog.warnThrottled("inject", "propagator " + p.getClass().getSimpleName() + " failed to inject: " + t);
      }
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    boolean haveParent = context.span().spanContext().isValid();
    Context result = context;
    for (TextMapPropagator p : propagators) {
      Context extracted;
      try {
        extracted = p.extract(result, carrier, getter);
      } catch (Throwable t) {
        AgentLog.warnThrottled("extract", "propagator " + p.getClass().getSimpleName() + " failed to extract: " + t);
        continue;
      }
      boolean found = extracted.span().spanContext().isValid() && extracted.span() != result.span();
      if (found && haveParent) {
        // an earlier format already gave the parent: keep it, take only non-span entries (baggage)
        extracted = extracted.with(result.span());
      }
      haveParent |= found;
      result = extracted;
    }
    return result;
  }
}
