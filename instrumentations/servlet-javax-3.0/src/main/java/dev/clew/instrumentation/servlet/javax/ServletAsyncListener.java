package dev.clew.instrumentation.servlet.javax;

import dev.clew.core.context.Context;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
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

  /** Registers a listener for this request once; later async cycles re-register it in {@link #onStartAsync}. */
  static void attach(HttpServletRequest request, HttpServletResponse response, Context context) {
    if (request.getAttribute(ServletTracer.LISTENER_ATTRIBUTE) != null) {
      return;
    }
    request.setAttribute(ServletTracer.LISTENER_ATTRIBUTE, Boolean.TRUE);
    request.getAsyncContext().addListener(new ServletAsyncListener(context, response), request, response);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    HttpServletResponse res = responseOf(event);
    int status = res.getStatus();
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
    event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
  }

  private HttpServletResponse responseOf(AsyncEvent event) {
    ServletResponse supplied = event.getSuppliedResponse();
    return supplied instanceof HttpServletResponse ? (HttpServletResponse) supplied : response;
  }
}
