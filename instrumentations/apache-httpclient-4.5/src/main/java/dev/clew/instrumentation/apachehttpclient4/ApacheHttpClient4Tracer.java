package dev.clew.instrumentation.apachehttpclient4;

import dev.clew.core.context.Context;
import dev.clew.core.instrument.http.ClientCall;
import dev.clew.core.instrument.http.HttpClientTracer;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/** Owns the span of a call; what the advice delegates to. */
public final class ApacheHttpClient4Tracer {
  private static final HttpClientTracer<ApacheRequest, HttpResponse> TRACER = new HttpClientTracer<>(
      "clew.apache-httpclient-4", ApacheHttpClient4Attributes.INSTANCE,
      ApacheHttpClient4InstrumentationModule.settings(), ApacheHttpClient4Headers.INSTANCE);

  private ApacheHttpClient4Tracer() {}

  public static Object start(HttpHost target, HttpRequest request) {
    Context parent = Context.current();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    return TRACER.start(parent, new ApacheRequest(target, request)).makeCurrent();
  }

  public static void end(Object state, Object response, Throwable thrown) {
    ClientCall<ApacheRequest, HttpResponse> call = ClientCall.fromState(state);
    if (call != null) {
      call.end(response instanceof HttpResponse ? (HttpResponse) response : null, thrown);
    }
  }
}
