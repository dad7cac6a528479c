package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.HttpClientTracer;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/** Owns the spans of classic and async calls; what the advice delegates to. */
public final class ApacheHttpClient5Tracer {
  static final HttpClientTracer<ApacheRequest, HttpResponse> TRACER = new HttpClientTracer<>(
      "clew.apache-httpclient-5", ApacheHttpClient5Attributes.INSTANCE,
      ApacheHttpClient5InstrumentationModule.settings(), ApacheHttpClient5Headers.INSTANCE);

  private ApacheHttpClient5Tracer() {}

  static final class ClassicCall {
    final Context context;
    final ApacheRequest request;
    final Scope scope;

    ClassicCall(Context context, ApacheRequest request, Scope scope) {
      this.context = context;
      this.request = request;
      this.scope = scope;
    }
  }

  public static Object startClassic(HttpHost target, ClassicHttpRequest request) {
    Context parent = Context.current();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    ApacheRequest r = new ApacheRequest(target, request);
    Context context = TRACER.start(parent, r);
    return new ClassicCall(context, r, context.makeCurrent());
  }

  public static void endClassic(Object state, Object response, Throwable thrown) {
    if (!(state instanceof ClassicCall)) {
      return;
    }
    ClassicCall call = (ClassicCall) state;
    call.scope.close();
    TRACER.end(call.context, call.request, response instanceof HttpResponse ? (HttpResponse) response : null,
        thrown);
  }

  /** Returns {@code [producer, consumer, callback]} to use instead of the application's. */
  public static Object[] startAsync(HttpHost target, AsyncRequestProducer producer,
      AsyncResponseConsumer<?> consumer, FutureCallback<?> callback) {
    Context parent = Context.current();
    if (producer == null || consumer == null || !TRACER.shouldStart(parent)) {
      return new Object[] {producer, consumer, callback};
    }
    AsyncCall call = new AsyncCall(parent, target);
    return new Object[] {new TracingRequestProducer(producer, call), TracingResponseConsumer.wrap(consumer, call),
        TracingFutureCallback.wrap(callback, call)};
  }

  static Context startAsync(AsyncCall call, HttpRequest request) {
    ApacheRequest r = new ApacheRequest(call.target, request);
    call.request = r;
    return call.context = TRACER.start(call.parent, r);
  }
}
