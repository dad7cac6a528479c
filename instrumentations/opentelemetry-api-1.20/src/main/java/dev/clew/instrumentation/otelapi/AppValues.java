package dev.clew.instrumentation.otelapi;

import dev.clew.core.context.ContextKey;
import io.opentelemetry.context.Context;
import java.util.Arrays;

/**
 * What the application keeps in the API's context under its own keys (neither span nor baggage). Carried
 * inside clew's context, so it survives every context clew derives from the application's (a span made
 * current by instrumentation, a task handed to another thread) and comes back to the application intact.
 * Immutable.
 */
final class AppValues {
  static final ContextKey<AppValues> KEY = ContextKey.named("opentelemetry-api.values");
  static final AppValues EMPTY = new AppValues(new Object[0], null);

  private final Object[] entries; // key0, value0, key1, value1 ...
  private final Context base; // a context of the application's own making, asked for keys not set here; or null

  private AppValues(Object[] entries, Context base) {
    this.entries = entries;
    this.base = base;
  }

  /** The values of a context implementation the application wrote itself. */
  static AppValues over(Context base) {
    return new AppValues(EMPTY.entries, base);
  }

  Object get(io.opentelemetry.context.ContextKey<?> key) {
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        return e[i + 1];
      }
    }
    return base == null ? null : base.get(key);
  }

  AppValues with(io.opentelemetry.context.ContextKey<?> key, Object value) {
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        if (e[i + 1] == value) {
          return this;
        }
        Object[] copy = e.clone();
        copy[i + 1] = value;
        return new AppValues(copy, base);
      }
    }
    Object[] copy = Arrays.copyOf(e, e.length + 2);
    copy[e.length] = key;
    copy[e.length + 1] = value;
    return new AppValues(copy, base);
  }
}
