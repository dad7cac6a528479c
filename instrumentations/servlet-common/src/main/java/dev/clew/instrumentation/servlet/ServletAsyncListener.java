package dev.clew.instrumentation.servlet;

import dev.clew.core.instrument.http.ServerCall;

/**
 * Follows an asynchronous servlet request to its completion: a timeout and an error reported by the
 * container go into the request's {@link ServerCall}, and completion ends the call when the servlet
 * layer started it. Each API module registers it through a small {@code AsyncListener} of its own
 * ({@link ServletAccessor#addAsyncListener}).
 */
public final class ServletAsyncListener<RES> {
  private final ServerCall<?, ?> call;
  private final ServerCall<?, RES> owned;

  ServletAsyncListener(ServerCall<?, ?> call, ServerCall<?, RES> owned) {
    this.call = call;
    this.owned = owned;
  }

  /** The async cycle completed; {@code response} is the one the application supplied, if any. */
  public void onComplete(RES response) {
    if (owned != null) {
      owned.end(response, null);
    }
  }

  public void onTimeout() {
    call.setErrorType("timeout");
  }

  public void onError(Throwable thrown) {
    call.recordException(thrown);
  }
}
