package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.core.context.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/** Ends the SERVER span of an asynchronous request when the container completes it. */
final class ServletAsyncListener implements AsyncListener {
  private final Context context;
  private final HttpServletResponse response;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean timedOut;
  private volatile Throwable error;

  private ServletAsyncListener(Context context, HttpServletResponse response) {
    this.context = context;
    this.response = response;
  }

  /** The listener of this request, registered on its first async cycle; later cycles re-register it in {@link #onStartAsync}. */
  static ServletAsyncListener attach(HttpServletRequest request, AsyncContext asyncContext, Context context) {
    Object existing = request.getAttribute(ServletTracer.LISTENER_ATTRIBUTE);
    if (existing instanceof ServletAsyncListener) {
      return (ServletAsyncListener) existing;
    }
    ServletResponse response = asyncContext.getResponse();
    ServletAsyncListener listener = new ServletAsyncListener(context,
        response instanceof HttpServletResponse ? (HttpServletResponse) response : null);
    request.setAttribute(ServletTracer.LISTENER_ATTRIBUTE, listener);
    asyncContext.addListener(listener);
    return listener;
  }

  /** Remembers a throwable that escaped a filter or servlet of this request, for the end of the span. */
  void failed(Throwable thrown) {
    if (thrown != null) {
      error = thrown;
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    HttpServletResponse res = responseOf(event);
    int status = res == null ? 0 : res.getStatus();
    ServletTracer.TRACER.end(context, res, status, error, timedOut ? "timeout" : null);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    timedOut = true;
  }

  @Override
  public void onError(AsyncEvent event) {
    if (event.getThrowable() != null) {
      error = event.getThrowable();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this); // a new async cycle starts with no listeners
  }

  private HttpServletResponse responseOf(AsyncEvent event) {
    ServletResponse supplied = event.getSuppliedResponse();
    return supplied instanceof HttpServletResponse ? (HttpServletResponse) supplied : response;
  }
}
