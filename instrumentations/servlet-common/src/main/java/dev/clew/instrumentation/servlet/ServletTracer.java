package dev.clew.instrumentation.servlet;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.HttpServerTracer;
import dev.clew.core.instrument.http.HttpSettings;
import dev.clew.core.instrument.http.ServerCall;
import dev.clew.core.trace.Span;

/**
 * The SERVER span of servlet requests, for one servlet API. The first filter or servlet a request
 * enters joins the {@link ServerCall} a container layer (Tomcat, Jetty) started on this thread, or else
 * starts one, and marks it joined: nested filters, forwards and includes find it joined in the current
 * context and do nothing. A call this layer started is also stored in a request attribute at once, a
 * container's only when the request goes async (the container keeps it current for everything else on
 * its thread): an async dispatch on another thread finds it there and makes it current again. When the
 * first entry returns, the route the framework matched (else the servlet mapping's) names the span and
 * an escaping exception is recorded. A call this layer started ends then, or, once the request went
 * asynchronous, when the container completes it ({@link ServletAsyncListener}); a container's call is
 * ended by the container.
 */
public final class ServletTracer<REQ, RES> {
  /** Request attribute holding the request's {@link ServerCall}: a core type, so every class loader reads it. */
  static final String CALL_ATTRIBUTE = "dev.clew.servlet.call";
  /** Request attribute holding the {@link ServletAsyncListener} registered once the request went async. */
  static final String LISTENER_ATTRIBUTE = "dev.clew.servlet.async-listener";

  private final ServletAccessor<REQ, RES> accessor;
  private final HttpServerTracer<REQ, RES> tracer;
  private final boolean traceResponse;

  /**
   * @param scopeName the instrumentation scope, e.g. {@code clew.servlet-jakarta}
   * @param settings and {@code traceResponse}: what the servlet module read from its configuration
   */
  public ServletTracer(String scopeName, ServletAccessor<REQ, RES> accessor, HttpSettings settings,
      boolean traceResponse) {
    this.accessor = accessor;
    this.tracer = HttpServerTracer.create(scopeName, accessor, settings);
    this.traceResponse = traceResponse;
  }

  /** Entering a filter or servlet; returns what {@link #exit} needs, or null when this entry has nothing to do. */
  public Object enter(Object req, Object res) {
    ServerCall<?, ?> current = ServerCall.current();
    if (current != null && current.isJoined()) {
      // a nested filter, forward or include, or an async dispatch the container made current: nothing
      // to do, and cheaper to know from the thread's context than from the request's attributes
      return null;
    }
    REQ request = accessor.httpRequest(req);
    RES response = accessor.httpResponse(res);
    if (request == null || response == null) {
      return null;
    }
    Object existing = accessor.getAttribute(request, CALL_ATTRIBUTE);
    if (existing instanceof ServerCall) {
      // nested filter, forward or include: already current; async dispatch: a fresh thread
      if (Span.current().spanContext().isValid()) {
        return null;
      }
      ServerCall<?, ?> call = (ServerCall<?, ?>) existing;
      return new ServletScope<>(this, request, response, call, null, call.makeCurrent(), false);
    }
    String route = ServletRoutes.fromMapping(accessor, request);
    ServerCall<?, ?> container = current;
    if (container != null && !container.isEnded()) {
      container.markJoined();
      container.setRoute(route);
      addTraceResponse(response, container);
      return new ServletScope<>(this, request, response, container, null, null, true);
    }
    ServerCall<REQ, RES> call = tracer.start(request, route);
    // no container holds this call: a later dispatch of the request (an error page after this entry
    // returned, an async dispatch) finds it in the request only
    accessor.setAttribute(request, CALL_ATTRIBUTE, call);
    call.markJoined();
    addTraceResponse(response, call);
    return new ServletScope<>(this, request, response, call, call, call.makeCurrent(), true);
  }

  /** With {@code clew.servlet.traceresponse}: the W3C {@code traceresponse} header names the SERVER span. */
  private void addTraceResponse(RES response, ServerCall<?, ?> call) {
    if (traceResponse && !accessor.isCommitted(response)) {
      String value = HttpServerTracer.traceResponse(call.context());
      if (value != null) {
        accessor.setHeader(response, "traceresponse", value);
      }
    }
  }

  /** Leaving the filter or servlet whose {@link #enter} returned {@code state}. */
  public static void exit(Object state, Throwable thrown) {
    if (state instanceof ServletScope) {
      ((ServletScope<?, ?>) state).exit(thrown);
    }
  }

  void exit(ServletScope<REQ, RES> s, Throwable thrown) {
    if (s.scope != null) {
      s.scope.close();
    }
    ServerCall<?, ?> call = s.call;
    call.recordException(thrown);
    if (s.first) {
      call.setRoute(ServletRoutes.fromFramework(accessor, s.request));
    }
    Object listener = accessor.getAttribute(s.request, LISTENER_ATTRIBUTE);
    if (listener instanceof ServletAsyncListener) {
      return; // the request went async: its completion ends the span
    }
    if (accessor.isAsyncStarted(s.request) && attachListener(s.request, call, s.owned) != null) {
      return; // startAsync on a request type we did not see
    }
    if (s.owned != null) {
      s.owned.end(s.response, thrown);
    }
  }

  /** After {@code startAsync}: a listener now follows the request to its completion. */
  public void startedAsync(Object req) {
    REQ request = accessor.httpRequest(req);
    if (request == null) {
      return;
    }
    Object call = accessor.getAttribute(request, CALL_ATTRIBUTE);
    ServerCall<?, ?> serverCall = call instanceof ServerCall ? (ServerCall<?, ?>) call : ServerCall.current();
    if (serverCall != null && serverCall.isJoined()) {
      attachListener(request, serverCall, owned(serverCall));
    }
  }

  /**
   * The listener of this request, registered on its first async cycle (later cycles re-register it);
   * null when the request is no longer async. The call goes into the request's attributes then, for
   * async dispatches on other threads: a container's synchronous request never gets one (on Jetty 12
   * the first attribute makes the request create its map).
   */
  private ServletAsyncListener<RES> attachListener(REQ request, ServerCall<?, ?> call, ServerCall<?, RES> owned) {
    if (!(accessor.getAttribute(request, CALL_ATTRIBUTE) instanceof ServerCall)) {
      accessor.setAttribute(request, CALL_ATTRIBUTE, call);
    }
    Object existing = accessor.getAttribute(request, LISTENER_ATTRIBUTE);
    if (existing instanceof ServletAsyncListener) {
      @SuppressWarnings("unchecked")
      ServletAsyncListener<RES> listener = (ServletAsyncListener<RES>) existing;
      return listener;
    }
    ServletAsyncListener<RES> listener = new ServletAsyncListener<>(call, owned);
    if (!accessor.addAsyncListener(request, listener)) {
      return null;
    }
    accessor.setAttribute(request, LISTENER_ATTRIBUTE, listener);
    return listener;
  }

  /** {@code call} when this layer started it (its tracer is ours), else null: a container ends its own calls. */
  @SuppressWarnings("unchecked")
  private ServerCall<?, RES> owned(ServerCall<?, ?> call) {
    return call.isStartedBy(tracer) ? (ServerCall<?, RES>) call : null;
  }

  /** The task with the current context, when there is a span to carry. */
  public static Runnable wrap(Runnable task) {
    Context context = Context.current();
    if (task == null || !Span.fromContext(context).spanContext().isValid()) {
      return task;
    }
    return context.wrap(task);
  }

  /** What {@link #enter} hands to {@link #exit}. */
  static final class ServletScope<REQ, RES> {
    final ServletTracer<REQ, RES> tracer;
    final REQ request;
    final RES response;
    /** The request's call, and the same call when this layer started it (null when a container did). */
    final ServerCall<?, ?> call;
    final ServerCall<REQ, RES> owned;
    /** The scope this entry opened, or null when the call was current already. */
    final Scope scope;
    /** The request's first filter or servlet: it names the span after the route. */
    final boolean first;

    ServletScope(ServletTracer<REQ, RES> tracer, REQ request, RES response, ServerCall<?, ?> call,
        ServerCall<REQ, RES> owned, Scope scope, boolean first) {
      this.tracer = tracer;
      this.request = request;
      this.response = response;
      this.call = call;
      this.owned = owned;
      this.scope = scope;
      this.first = first;
    }

    void exit(Throwable thrown) {
      tracer.exit(this, thrown);
    }
  }
}
