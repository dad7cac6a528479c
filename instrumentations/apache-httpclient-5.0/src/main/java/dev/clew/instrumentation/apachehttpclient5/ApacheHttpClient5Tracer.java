package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.context.Context;
import dev.clew.core.instrument.http.ClientCall;
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
  private static final HttpClientTracer<ApacheRequest, HttpResponse> TRACER = new HttpClientTracer<>(
      "clew.apache-httpclient-5", ApacheHttpClient5Attributes.INSTANCE,
      ApacheHttpClient5InstrumentationModule.settings(), ApacheHttpClient5Headers.INSTANCE);

  private ApacheHttpClient5Tracer() {}

  public static Object startClassic(HttpHost target, ClassicHttpRequest request) {
    Context parent = Context.current();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    return TRACER.start(parent, new ApacheRequest(target, request)).makeCurrent();
  }

  public static void endClassic(Object state, Object response, Throwable thrown) {
    ClientCall<ApacheRequest, HttpResponse> call = ClientCall.fromState(state);
    if (call != null) {
      call.end(response instanceof HttpResponse ? (HttpResponse) response : null, thrown);
    }
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

  static void startAsync(AsyncCall call, HttpRequest request) {
    call.call = TRACER.start(call.parent, new ApacheRequest(call.target, request));
  }
}
