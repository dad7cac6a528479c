package dev.clew.core.trace;

import dev.clew.core.context.ContextKey;

/** Where a {@link dev.clew.core.context.Context} keeps its span; read through {@link Span#fromContext}. */
final class SpanKey {
  static final ContextKey<Span> KEY = ContextKey.primary("clew.span");

  private SpanKey() {}
}
