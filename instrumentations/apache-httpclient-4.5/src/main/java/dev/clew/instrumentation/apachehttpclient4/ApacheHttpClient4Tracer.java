package dev.clew.instrumentation.apachehttpclient4;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
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

  static final class Call {
    final Context context;
    final ApacheRequest request;
    final Scope scope;

    Call(Context context, ApacheRequest request, Scope scope) {
      this.context = context;
      this.request = request;
      this.scope = scope;
    }
  }

  public static Object start(HttpHost target, HttpRequest request) {
    Context parent = Context.current();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    ApacheRequest r = new ApacheRequest(target, request);
    Context context = TRACER.start(parent, r);
    return new Call(context, r, context.makeCurrent());
  }

  public static void end(Object state, Object response, Throwable thrown) {
    if (!(state instanceof Call)) {
      return;
    }
    Call call = (Call) state;
    call.scope.close();
    TRACER.end(call.context, call.request, response instanceof HttpResponse ? (HttpResponse) response : null,
        thrown);
  }
}
