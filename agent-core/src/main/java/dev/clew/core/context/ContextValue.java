package dev.clew.core.context;

/**
 * A value that knows its own {@link ContextKey}, so {@code context.with(value)} can store it without the
 * context knowing its type (the span, baggage).
 */
public interface ContextValue {
  /** A context like {@code context} that also carries this value (the same context when it already does). */
  Context storeIn(Context context);
}
