package dev.clew.core.instrument;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.StatusCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A span made current for the length of an instrumented call: what enter advice hands to exit advice.
 * {@link #end} restores the previous context, records a thrown exception and ends the span.
 */
public final class ActiveSpan {
  private final Span span;
  private final Scope scope;

  private ActiveSpan(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  /** Makes {@code span} current on this thread until {@link #end}. */
  public static ActiveSpan start(Span span) {
    return new ActiveSpan(span, Context.current().with(span).makeCurrent());
  }

  public Span span() {
    return span;
  }

  /**
   * For a call that returned {@code stage}: closes the scope now and ends the span when the stage completes,
   * recording the exception it completes with (unwrapped from {@link CompletionException}).
   */
  public void endWhenComplete(CompletionStage<?> stage) {
    scope.close();
    stage.whenComplete((value, thrown) -> finish(thrown instanceof CompletionException && thrown.getCause() != null
        ? thrown.getCause() : thrown));
  }

  /** Closes the scope, then records {@code thrown} (if any) as an exception event and ERROR status, then ends. */
  public void end(Throwable thrown) {
    scope.close();
    finish(thrown);
  }

  private void finish(Throwable thrown) {
    if (thrown != null) {
      span.recordException(thrown);
      span.setStatus(StatusCode.ERROR, thrown.getMessage());
    }
    span.end();
  }
}
