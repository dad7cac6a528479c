package dev.clew.instrumentation.jetty12;

import dev.clew.core.instrument.http.HttpServerTracer;
import dev.clew.core.instrument.http.ServerCall;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Owns the SERVER span of a Jetty 12 request: started when the server handles it, current while
 * {@code Server.handle} runs, ended by Jetty's completion listener once the response is complete (or
 * failed), however the handlers went on asynchronously.
 */
public final class Jetty12Tracer {
  static final HttpServerTracer<Request, Response> TRACER =
      HttpServerTracer.create("clew.jetty", Jetty12Adapter.INSTANCE, Jetty12InstrumentationModule.settings());

  private Jetty12Tracer() {}

  public static Object start(Request request, Response response) {
    ServerCall<Request, Response> call = TRACER.start(request, null);
    Request.addCompletionListener(request, new Completion(call, response));
    return call.enter();
  }

  public static void exit(Object state, Throwable thrown) {
    if (state instanceof ServerCall.CallScope) {
      ServerCall.CallScope<?, ?> scope = (ServerCall.CallScope<?, ?>) state;
      scope.close();
      scope.call().recordException(thrown);
    }
  }

  /** Ends the span when Jetty has completed the exchange; {@code failure} is null on success. */
  private static final class Completion implements Consumer<Throwable> {
    private final ServerCall<Request, Response> call;
    private final Response response;

    Completion(ServerCall<Request, Response> call, Response response) {
      this.call = call;
      this.response = response;
    }

    @Override
    public void accept(Throwable failure) {
      call.end(response, failure);
    }
  }
}
