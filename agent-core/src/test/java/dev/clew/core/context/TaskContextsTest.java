package dev.clew.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.TraceState;
import org.junit.jupiter.api.Test;

class TaskContextsTest {
  static Context withSpan(long id) {
    return Context.root().with(Span.wrap(SpanContext.create(1, 2, id, SpanContext.FLAG_SAMPLED, TraceState.EMPTY)));
  }

  @Test
  void firstAttachWinsAndTakeEmptiesTheMap() {
    Object task = new Object();
    Context first = withSpan(3);
    int before = TaskContexts.size();
    TaskContexts.attach(task, first);
    TaskContexts.attach(task, first); // the same submission seen by two methods
    TaskContexts.attach(task, withSpan(4));
    assertEquals(before + 1, TaskContexts.size());
    assertSame(first, TaskContexts.take(task));
    assertNull(TaskContexts.take(task), "a task runs in its context once");
    assertEquals(before, TaskContexts.size());
  }

  @Test
  void rootContextIsNeverStored() {
    Object task = new Object();
    int before = TaskContexts.size();
    TaskContexts.attach(task, Context.root());
    assertEquals(before, TaskContexts.size());
    assertNull(TaskContexts.take(task));
  }
}
