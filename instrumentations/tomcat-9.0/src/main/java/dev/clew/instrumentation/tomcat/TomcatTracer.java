package dev.clew.instrumentation.tomcat;

import dev.clew.core.instrument.http.HttpServerTracer;
import dev.clew.core.instrument.http.ServerCall;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Request;
import org.apache.coyote.Response;

/**
 * Owns the SERVER span of a Tomcat request: started when the connector hands the request to the
 * container, current while {@code service} runs, and ended when {@code service} or a later
 * {@code asyncDispatch} returns with the request no longer asynchronous. Only a request that goes
 * asynchronous is kept in the connector request's attributes (cleared when Tomcat recycles it), for
 * {@code asyncDispatch} to find: an attribute there makes coyote's empty map non-empty, so every
 * attribute miss of the application (Spring looks up dozens per request) would hash its key.
 */
public final class TomcatTracer {
  /** Connector-request attribute holding the {@link ServerCall} of a request that went asynchronous. */
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
    return call.enter();
  }

  /** An async request is dispatched again, times out or completes: its span is current meanwhile. */
  public static Object resume(Request request) {
    Object call = request.getAttribute(CALL_ATTRIBUTE);
    return call instanceof ServerCall ? ((ServerCall<?, ?>) call).enter() : null;
  }

  public static void exit(Object state, Request request, Response response, Throwable thrown) {
    if (!(state instanceof ServerCall.CallScope)) {
      return;
    }
    @SuppressWarnings("unchecked")
    ServerCall.CallScope<Request, Response> scope = (ServerCall.CallScope<Request, Response>) state;
    scope.close();
    ServerCall<Request, Response> call = scope.call();
    call.recordException(thrown);
    if (thrown == null && isAsync(request)) {
      if (request.getAttribute(CALL_ATTRIBUTE) == null) {
        request.setAttribute(CALL_ATTRIBUTE, call); // before any asyncDispatch: Tomcat runs it after service returns
      }
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
