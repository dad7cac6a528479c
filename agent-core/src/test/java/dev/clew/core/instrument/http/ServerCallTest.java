package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import org.junit.jupiter.api.Test;

/** What the layers of a server request rely on: the scope a container opens names its call, and joining is remembered. */
class ServerCallTest {
  private static ServerCall<Object, Object> call() {
    Span span = Span.wrap(SpanContext.create(1L, 2L, 3L, SpanContext.FLAG_SAMPLED, TraceState.EMPTY));
    return new ServerCall<>(null, "GET", Context.root(), span);
  }

  @Test
  void enterMakesTheCallCurrentAndItsScopeNamesIt() {
    ServerCall<Object, Object> call = call();
    Context before = Context.current();
    ServerCall.CallScope<Object, Object> scope = call.enter();
    try {
      assertSame(call, ServerCall.current());
      assertSame(call, scope.call());
      assertSame(call.context(), Context.current());
    } finally {
      scope.close();
    }
    assertSame(before, Context.current());
    assertNull(ServerCall.current());
  }

  @Test
  void aCallIsJoinedOnlyOnceAnInnerLayerSaysSo() {
    ServerCall<Object, Object> call = call();
    assertFalse(call.isJoined());
    try (Scope ignored = call.makeCurrent()) {
      assertFalse(ServerCall.current().isJoined());
      call.markJoined();
      assertTrue(ServerCall.current().isJoined());
    }
  }
}
