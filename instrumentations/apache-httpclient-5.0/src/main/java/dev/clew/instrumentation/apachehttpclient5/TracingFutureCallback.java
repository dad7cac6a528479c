package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.context.Scope;
import java.util.concurrent.CancellationException;
import org.apache.hc.core5.concurrent.FutureCallback;

/** Ends the span with the outcome, then tells the application's callback (if any) in the caller's context. */
final class TracingFutureCallback<T> implements FutureCallback<T> {
  private final FutureCallback<T> delegate;
  private final AsyncCall call;

  private TracingFutureCallback(FutureCallback<T> delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  static <T> TracingFutureCallback<T> wrap(FutureCallback<T> delegate, AsyncCall call) {
    return new TracingFutureCallback<>(delegate, call);
  }

  @Override
  public void completed(T result) {
    call.end(null);
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.completed(result);
      }
    }
  }

  @Override
  public void failed(Exception ex) {
    call.end(ex);
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.failed(ex);
      }
    }
  }

  @Override
  public void cancelled() {
    call.end(new CancellationException("cancelled"));
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.cancelled();
      }
    }
  }
}
