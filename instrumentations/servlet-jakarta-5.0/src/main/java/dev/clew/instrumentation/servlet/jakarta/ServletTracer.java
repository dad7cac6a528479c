package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.HttpServerTracer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Owns the SERVER span of a servlet request. The first filter or servlet a request enters starts the
 * span and stores its context in a request attribute; nested filters, forwards and includes find it
 * there and do nothing, and an async dispatch on another thread makes it current again. The span ends
 * when the outermost call returns, or, once the request went asynchronous, when the container
 * completes it ({@link ServletAsyncListener}).
 */
public final class ServletTracer {
  /** Request attribute holding the request's {@link Context}; a core type, so every class loader reads it. */
  static final String CONTEXT_ATTRIBUTE = "dev.clew.servlet.context";
  /** Request attribute holding the {@link ServletAsyncListener} that ends the span once the request went async. */
  static final String LISTENER_ATTRIBUTE = "dev.clew.servlet.async-listener";

  static final HttpServerTracer<HttpServletRequest, HttpServletResponse> TRACER =
      HttpServerTracer.create("clew.servlet-jakarta", ServletRequestAdapter.INSTANCE,
          ServletJakartaInstrumentationModule.settings());
  private static final boolean TRACE_RESPONSE = ServletJakartaInstrumentationModule.traceResponse();

  private ServletTracer() {}

  /** What enter hands to exit: the request's context, the scope that made it current, and who owns the span. */
  static final class Call {
    final Context context;
    final Scope scope;
    final boolean owner;

    Call(Context context, Scope scope, boolean owner) {
      this.context = context;
      this.scope = scope;
      this.owner = owner;
    }
  }

  public static Object enter(ServletRequest req, ServletResponse res) {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      return null;
    }
    HttpServletRequest request = (HttpServletRequest) req;
    Object existing = request.getAttribute(CONTEXT_ATTRIBUTE);
    if (existing instanceof Context) {
      // nested filter, forward or include: already current; async dispatch: a fresh thread
      if (Context.current().span().spanContext().isValid()) {
        return null;
      }
      Context context = (Context) existing;
      return new Call(context, context.makeCurrent(), false);
    }
    HttpServletResponse response = (HttpServletResponse) res;
    Context context = TRACER.start(request, ServletRequestAdapter.route(request));
    request.setAttribute(CONTEXT_ATTRIBUTE, context);
    if (TRACE_RESPONSE && !response.isCommitted()) {
      String value = HttpServerTracer.traceResponse(context);
      if (value != null) {
        response.setHeader("traceresponse", value);
      }
    }
    return new Call(context, context.makeCurrent(), true);
  }

  public static void exit(Object state, ServletRequest req, ServletResponse res, Throwable thrown) {
    if (!(state instanceof Call)) {
      return;
    }
    Call call = (Call) state;
    call.scope.close();
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Object listener = request.getAttribute(LISTENER_ATTRIBUTE);
    if (listener instanceof ServletAsyncListener) {
      ((ServletAsyncListener) listener).failed(thrown); // the request went async: its completion ends the span
      return;
    }
    if (request.isAsyncStarted()) { // startAsync on a request type we did not see
      try {
        ServletAsyncListener.attach(request, request.getAsyncContext(), call.context).failed(thrown);
        return;
      } catch (IllegalStateException dispatchedMeanwhile) {
        // no async context any more: end the span now
      }
    }
    if (!call.owner) {
      return; // nested call: the outermost one ends the span
    }
    int status = response.getStatus();
    if (thrown != null && status < 400) {
      status = 500; // the container turns the exception into a 500 after we return
    }
    TRACER.end(call.context, response, status, thrown);
  }

  /** After {@code startAsync}: a listener now owns the end of the request's span. */
  public static void startedAsync(ServletRequest request, AsyncContext asyncContext) {
    Object context = request.getAttribute(CONTEXT_ATTRIBUTE);
    if (asyncContext != null && context instanceof Context && request instanceof HttpServletRequest) {
      ServletAsyncListener.attach((HttpServletRequest) request, asyncContext, (Context) context);
    }
  }

  /** The task with the current context, when there is a span to carry. */
  public static Runnable wrap(Runnable task) {
    Context context = Context.current();
    if (task == null || !context.span().spanContext().isValid()) {
      return task;
    }
    return context.wrap(task);
  }
}
