package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.context.Context;
import dev.clew.core.instrument.http.ClientCall;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One async call as its wrappers share it: the {@link ClientCall} started when the producer emits the
 * request, the last response the consumer saw; ended once (the ClientCall ends once) by the consumer's result
 * or, if none comes, by the future's completed/failed/cancelled.
 */
final class AsyncCall {
  final Context parent;
  final HttpHost target;
  volatile ClientCall<ApacheRequest, HttpResponse> call;
  volatile HttpResponse response;

  AsyncCall(Context parent, HttpHost target) {
    this.parent = parent;
    this.target = target;
  }

  boolean isStarted() {
    return call != null;
  }

  void end(Throwable error) {
    ClientCall<ApacheRequest, HttpResponse> c = call;
    if (c != null) {
      c.end(error == null ? response : null, error);
    }
  }
}
