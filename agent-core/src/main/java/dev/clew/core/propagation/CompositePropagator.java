package dev.clew.core.propagation;

import dev.clew.core.baggage.Baggage;
import dev.clew.core.context.Context;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.SamplingFlags;
import dev.clew.core.trace.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Several formats at once. Injection writes every one. Extraction runs each in the configured order:
 * the first that yields a valid span context gives the parent; a later format that also finds one is
 * ignored except for the baggage it brings. A format that throws is skipped (its partial work is
 * discarded, as contexts are immutable), so extraction never throws.
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
    if (context == null || carrier == null || setter == null) {
      return;
    }
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
    if (context == null) {
      context = Context.root();
    }
    if (carrier == null || getter == null) {
      return context;
    }
    boolean found = false;
    // upstream sampling flags belong to the parent they came with: a new parent must not inherit them
    SamplingFlags before = context.get(SamplingFlags.KEY);
    Context result = before == null ? context : context.with(SamplingFlags.KEY, (SamplingFlags) null);
    for (TextMapPropagator p : propagators) {
      Context extracted;
      try {
        extracted = p.extract(result, carrier, getter);
      } catch (Throwable t) {
        AgentLog.warnThrottled("extract", "propagator " + p.getClass().getSimpleName() + " failed to extract: " + t);
        continue;
      }
      if (extracted == null || extracted == result) {
        continue;
      }
      Span got = Span.fromContext(extracted);
      boolean gotSpan = got != Span.fromContext(result) && got.spanContext().isValid();
      if (gotSpan && found) {
        // an earlier format already gave the parent: take only the baggage this one found
        Baggage b = extracted.get(Baggage.KEY);
        if (b != null && b != result.get(Baggage.KEY)) {
          result = b.storeIn(result);
        }
        continue;
      }
      found |= gotSpan;
      result = extracted;
    }
    if (before != null && !found && result.get(SamplingFlags.KEY) == null) {
      result = result.with(SamplingFlags.KEY, before); // no new parent: the flags still apply
    }
    return result;
  }
}
