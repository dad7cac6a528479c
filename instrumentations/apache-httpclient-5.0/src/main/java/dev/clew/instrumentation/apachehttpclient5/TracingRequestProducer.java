package dev.clew.instrumentation.apachehttpclient5;

import java.io.IOException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Starts the span, and injects into the request, when the application's producer emits it. */
final class TracingRequestProducer implements AsyncRequestProducer {
  private final AsyncRequestProducer delegate;
  private final AsyncCall call;

  TracingRequestProducer(AsyncRequestProducer delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public void sendRequest(final RequestChannel channel, HttpContext context) throws HttpException, IOException {
    delegate.sendRequest(new RequestChannel() {
      @Override
      public void sendRequest(HttpRequest request, EntityDetails entityDetails, HttpContext httpContext)
          throws HttpException, IOException {
        if (!call.isStarted() && request != null) {
          ApacheHttpClient5Tracer.startAsync(call, request);
        }
        channel.sendRequest(request, entityDetails, httpContext);
      }
    }, context);
  }

  @Override
  public boolean isRepeatable() {
    return delegate.isRepeatable();
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public int available() {
    return delegate.available();
  }

  @Override
  public void produce(DataStreamChannel channel) throws IOException {
    delegate.produce(channel);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }

}
