package dev.clew.instrumentation.jetty9;

import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.HttpServerTracer;
import dev.clew.core.instrument.http.ServerCall;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Owns the SERVER span of a Jetty 9.4-11 request: started when the server handles the channel's request,
 * kept in a request attribute (cleared when Jetty recycles the request), current while the server handles
 * or re-dispatches it, ended when the channel completes.
 */
public final class Jetty9Tracer {
  /** Request attribute holding the request's {@link ServerCall}. */
  static final String CALL_ATTRIBUTE = "dev.clew.jetty.call";

  static final HttpServerTracer<Request, Response> TRACER =
      HttpServerTracer.create("clew.jetty", Jetty9Adapter.INSTANCE, Jetty9InstrumentationModule.settings());

  private Jetty9Tracer() {}

  public static Object start(HttpChannel channel) {
    Request request = channel.getRequest();
    if (request.getAttribute(CALL_ATTRIBUTE) != null) {
      return null;
    }
    ServerCall<Request, Response> call = TRACER.start(request, null);
    request.setAttribute(CALL_ATTRIBUTE, call);
    return call.makeCurrent();
  }

  public static Object resume(HttpChannel channel) {
    Object call = channel.getRequest().getAttribute(CALL_ATTRIBUTE);
    return call instanceof ServerCall ? ((ServerCall<?, ?>) call).makeCurrent() : null;
  }

  public static void exit(Object scope, HttpChannel channel, Throwable thrown) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
      Object call = channel.getRequest().getAttribute(CALL_ATTRIBUTE);
      if (call instanceof ServerCall) {
        ((ServerCall<?, ?>) call).recordException(thrown);
      }
    }
  }

  public static void completed(HttpChannel channel) {
    Object call = channel.getRequest().getAttribute(CALL_ATTRIBUTE);
    if (call instanceof ServerCall) {
      @SuppressWarnings("unchecked")
      ServerCall<Request, Response> serverCall = (ServerCall<Request, Response>) call;
      serverCall.end(channel.getResponse(), null);
    }
  }
}
