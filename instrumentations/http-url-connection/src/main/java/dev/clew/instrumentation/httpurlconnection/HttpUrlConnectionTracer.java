package dev.clew.instrumentation.httpurlconnection;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.instrument.CallDepth;
import dev.clew.core.instrument.http.ClientCall;
import dev.clew.core.instrument.http.HttpClientTracer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Owns the span of each connection between the call that starts it and the call that learns the
 * response. The JDK's methods call each other (and HTTPS connections delegate to an inner HTTP one):
 * a per-thread depth keeps only the outermost call of the application.
 */
public final class HttpUrlConnectionTracer {
  private static final HttpClientTracer<HttpURLConnection, HttpURLConnection> TRACER =
      new HttpClientTracer<>("clew.http-url-connection", HttpUrlConnectionAttributes.INSTANCE,
          HttpUrlConnectionInstrumentationModule.settings(), HttpUrlConnectionHeaders.INSTANCE);
  private static final CallDepth DEPTH = CallDepth.forFamily("http-url-connection");
  /** Marks a connection whose span has ended: later calls on it (the status again, headers) start nothing. */
  private static final Context ENDED = Context.root().with(ContextKey.<Boolean>named("clew.huc.ended"), Boolean.TRUE);
  /**
   * Connections whose span is open or ended; weak so a connection the application drops is not kept (the
   * value is the call's context, not the call, which holds the connection).
   */
  private static final Map<HttpURLConnection, Context> OPEN =
      Collections.synchronizedMap(new WeakHashMap<HttpURLConnection, Context>());

  private HttpUrlConnectionTracer() {}

  public static Object enter(HttpURLConnection connection) {
    if (DEPTH.getAndIncrement() > 0) {
      return null;
    }
    Context context = OPEN.get(connection);
    if (context == ENDED) {
      return null;
    }
    ClientCall<HttpURLConnection, HttpURLConnection> call;
    if (context == null) {
      Context parent = Context.current();
      if (!TRACER.shouldStart(parent)) {
        return null;
      }
      call = TRACER.start(parent, connection);
      OPEN.put(connection, call.context());
    } else {
      call = TRACER.resume(context, connection);
    }
    return call.makeCurrent();
  }

  /**
   * Leaves one call; the outermost ends the span when the response is known ({@code responseKnown})
   * or when it fails. The response code is read while the depth still hides the JDK's own calls.
   */
  public static void exit(HttpURLConnection connection, Object state, Throwable thrown, boolean responseKnown) {
    try {
      ClientCall<HttpURLConnection, HttpURLConnection> call = ClientCall.fromState(state);
      if (call == null) {
        return;
      }
      call.closeScope();
      if (!responseKnown && thrown == null) {
        return;
      }
      OPEN.put(connection, ENDED);
      Throwable error = thrown;
      if (responseKnown && thrown instanceof IOException
          && HttpUrlConnectionAttributes.INSTANCE.statusCode(connection) >= 400) {
        error = null; // the JDK's way to report a 4xx/5xx from getInputStream: a response, not a failure
      }
      call.end(responseKnown ? connection : null, error);
    } finally {
      DEPTH.decrementAndGet();
    }
  }
}
