package dev.clew.instrumentation.tomcat;

import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.HttpServerTracer;
import dev.clew.core.instrument.http.ServerCall;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Request;
import org.apache.coyote.Response;

/**
 * Owns the SERVER span of a Tomcat request: started when the connector hands the request to the
 * container, kept in the connector request's attributes (cleared when Tomcat recycles it), and ended when
 * {@code service} or a later {@code asyncDispatch} returns with the request no longer asynchronous.
 */
public final class TomcatTracer {
  /** Connector-request attribute holding the request's {@link ServerCall}. */
  static final String CALL_ATTRIBUTE = "dev.clew.tomcat.call";

  static final HttpServerTracer<Request, Response> TRACER =
      HttpServerTracer.create("clew.tomcat", TomcatAdapter.INSTANCE, TomcatInstrumentationModule.settings());

  private TomcatTracer() {}

  /** A request enters: its span starts, current until {@link #exit}. */
  public static Object start(Request request) {
    if (request.getAttribute(CALL_ATTRIBUTE) != null) {
      return null;
    }
    ServerCall<Request, Response> call = TRACER.start(request, null);
    request.setAttribute(CALL_ATTRIBUTE, call);
    return call.makeCurrent();
  }

  /** An async request is dispatched again, times out or completes: its span is current meanwhile. */
  public static Object resume(Request request) {
    Object call = request.getAttribute(CALL_ATTRIBUTE);
    return call instanceof ServerCall ? ((ServerCall<?, ?>) call).makeCurrent() : null;
  }

  public static void exit(Object scope, Request request, Response response, Throwable thrown) {
    if (!(scope instanceof Scope)) {
      return;
    }
    ((Scope) scope).close();
    @SuppressWarnings("unchecked")
    ServerCall<Request, Response> call = (ServerCall<Request, Response>) request.getAttribute(CALL_ATTRIBUTE);
    if (call == null) {
      return;
    }
    call.recordException(thrown);
    if (thrown == null && isAsync(request)) {
      return; // a later asyncDispatch completes it
    }
    call.end(response, thrown);
  }

  private static boolean isAsync(Request request) {
    AtomicBoolean async = new AtomicBoolean();
    request.action(ActionCode.ASYNC_IS_ASYNC, async);
    return async.get();
  }
}
