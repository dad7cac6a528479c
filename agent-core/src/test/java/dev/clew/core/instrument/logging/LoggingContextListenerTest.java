package dev.clew.core.instrument.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.context.ContextStorage;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listener keeps a per-thread map in step with the current span, through nested scopes and back to none. */
class LoggingContextListenerTest {
  /** Stands in for a logging library's MDC: a map per thread. */
  static final class MapListener extends LoggingContextListener {
    final ThreadLocal<Map<String, String>> mdc = ThreadLocal.withInitial(HashMap::new);
    int writes;

    @Override
    protected void put(String key, String value) {
      writes++;
      mdc.get().put(key, value);
    }

    @Override
    protected void remove(String key) {
      writes++;
      mdc.get().remove(key);
    }
  }

  static Context withSpan(long id) {
    return Context.root().with(Span.wrap(SpanContext.create(1, 2, id, SpanContext.FLAG_SAMPLED, TraceState.EMPTY)));
  }

  @Test
  void followsNestedScopesAndClearsAtTheEnd() {
    MapListener listener = new MapListener();
    listener.register();
    try {
      Context outer = withSpan(0xaL);
      Scope a = outer.makeCurrent();
      assertEquals("000000000000000a", listener.mdc.get().get("span_id"));
      assertEquals("00000000000000010000000000000002", listener.mdc.get().get("trace_id"));
      assertEquals("01", listener.mdc.get().get("trace_flags"));
      Scope b = withSpan(0xbL).makeCurrent();
      assertEquals("000000000000000b", listener.mdc.get().get("span_id"));
      b.close();
      assertEquals("000000000000000a", listener.mdc.get().get("span_id"));
      int before = listener.writes;
      Scope sameSpan = outer.with(ContextKey.<String>named("baggage"), "x").makeCurrent();
      sameSpan.close();
      assertEquals(before, listener.writes, "a change that keeps the span writes nothing");
      a.close();
      assertTrue(listener.mdc.get().isEmpty(), "ids left behind: " + listener.mdc.get());
    } finally {
      ContextStorage.get().removeListener(listener);
    }
  }
}
