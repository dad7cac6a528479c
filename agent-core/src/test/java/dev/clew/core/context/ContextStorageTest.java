package dev.clew.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextStorageTest {
  private static final ContextKey<String> USER = ContextKey.named("user");

  private static Span span(long id) {
    return Span.wrap(SpanContext.create(1, 2, id, (byte) 1, TraceState.EMPTY));
  }

  @AfterEach
  void noContextLeaksOutOfATest() {
    assertTrue(Context.current().isRoot(), "every test restores the root context");
  }

  @Test
  void nestedScopesRestoreInReverseOrder() {
    Context a = Context.root().with(span(1));
    Context b = a.with(span(2));
    try (Scope outer = a.makeCurrent()) {
      assertSame(a, Context.current());
      try (Scope inner = b.makeCurrent()) {
        assertSame(b, Context.current());
        assertEquals(2, Span.current().spanContext().spanId());
      }
      assertSame(a, Context.current());
    }
    assertTrue(Context.current().isRoot());
  }

  @Test
  void valuesAreImmutableAndKeyedByIdentity() {
    Context a = Context.root().with(USER, "ann");
    Context b = a.with(USER, "bob");
    assertEquals("ann", a.get(USER));
    assertEquals("bob", b.get(USER));
    assertEquals(null, Context.root().get(USER));
    assertEquals(null, a.get(ContextKey.<String>named("user")), "another key with the same name is another key");
    assertSame(a, a.with(USER, "ann"));
  }

  @Test
  void closingOutOfOrderIsReportedAndEachScopeStillRestoresWhatItReplaced() {
    AtomicReference<Long> afterInner = new AtomicReference<>();
    String log = captureLog(() -> {
      Scope outer = Context.root().with(span(1)).makeCurrent();
      Scope inner = Context.root().with(span(2)).makeCurrent();
      outer.close(); // wrong order
      assertTrue(Context.current().isRoot(), "the outer scope restores what it replaced");
      inner.close();
      afterInner.set(Span.current().spanContext().spanId());
      Context.root().makeCurrent(); // what the application's next correct close would leave
    });
    assertTrue(log.contains("scopes closed out of order"), log);
    assertEquals(1L, afterInner.get(), "the inner scope restores what it replaced");
  }

  @Test
  void closingTwiceIsHarmless() {
    Scope s = Context.root().with(span(3)).makeCurrent();
    s.close();
    s.close();
    assertTrue(Context.current().isRoot());
  }

  @Test
  void closingOnAnotherThreadIsIgnoredAndDoesNotTouchThatThread() throws Exception {
    Scope s = Context.root().with(span(4)).makeCurrent();
    AtomicReference<Context> seenThere = new AtomicReference<>();
    Thread t = new Thread(() -> {
      s.close();
      seenThere.set(Context.current());
    });
    captureLog(() -> {
      t.start();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTrue(seenThere.get().isRoot());
    assertEquals(4, Span.current().spanContext().spanId(), "this thread's context is untouched");
    s.close();
  }

  @Test
  void listenersSeeEveryChange() {
    StringBuilder seen = new StringBuilder();
    ContextStorage.Listener l = (previous, next) -> seen.append(Span.fromContext(next).spanContext().spanId()).append(',');
    ContextStorage.get().addListener(l);
    try {
      try (Scope a = Context.root().with(span(5)).makeCurrent()) {
        try (Scope b = Context.root().with(span(6)).makeCurrent()) {
          assertEquals("5,6,", seen.toString());
        }
      }
      assertEquals("5,6,5,0,", seen.toString());
    } finally {
      ContextStorage.get().removeListener(l);
    }
  }

  @Test
  void wrappedRunnableRunsInTheCapturedContextAndRestoresTheWorkersOwn() throws Exception {
    Context captured = Context.root().with(span(7));
    AtomicReference<Long> seen = new AtomicReference<>();
    Runnable task = captured.wrap(() -> seen.set(Span.current().spanContext().spanId()));
    Thread t = new Thread(() -> {
      task.run();
      if (!Context.current().isRoot()) {
        seen.set(-1L);
      }
    });
    t.start();
    t.join();
    assertEquals(7L, seen.get());
  }

  private static String captureLog(Runnable r) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    AgentLog.setOutput(new PrintStream(buf, true));
    try {
      r.run();
    } finally {
      AgentLog.setOutput(System.err);
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }
}
