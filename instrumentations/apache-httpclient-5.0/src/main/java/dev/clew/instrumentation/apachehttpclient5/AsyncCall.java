package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One async call as its wrappers share it: started when the producer emits the request, the last
 * response the consumer saw, ended once by whichever of completed/failed/cancelled comes first.
 */
final class AsyncCall {
  final Context parent;
  final HttpHost target;
  volatile ApacheRequest request;
  volatile Context context;
  volatile HttpResponse response;
  private final AtomicBoolean ended = new AtomicBoolean();

  AsyncCall(Context parent, HttpHost target) {
    this.parent = parent;
    this.target = target;
  }

  void end(Throwable error) {
    Context c = context;
    if (c != null && ended.compareAndSet(false, true)) {
      ApacheHttpClient5Tracer.TRACER.end(c, request, error == null ? response : null, error);
    }
  }
}
