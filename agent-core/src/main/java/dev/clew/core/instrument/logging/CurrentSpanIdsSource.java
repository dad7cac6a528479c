package dev.clew.core.instrument.logging;

import dev.clew.bootstrap.CurrentSpanIds;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;

/** Answers {@link CurrentSpanIds} (the bridge on the bootstrap class path) from the current context. */
public final class CurrentSpanIdsSource implements CurrentSpanIds.Source {
  @Override
  public String[] current() {
    SpanContext sc = Span.current().spanContext();
    if (!sc.isValid()) {
      return null;
    }
    return new String[] {sc.traceIdHex(), sc.spanIdHex(), sc.flagsHex()};
  }
}
