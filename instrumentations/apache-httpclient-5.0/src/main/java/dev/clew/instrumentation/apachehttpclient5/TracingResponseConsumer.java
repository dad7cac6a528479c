package dev.clew.instrumentation.apachehttpclient5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Remembers the final response (redirects are followed before the application's consumer sees one). */
final class TracingResponseConsumer<T> implements AsyncResponseConsumer<T> {
  private final AsyncResponseConsumer<T> delegate;
  private final AsyncCall call;

  private TracingResponseConsumer(AsyncResponseConsumer<T> delegate, AsyncCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  static <T> TracingResponseConsumer<T> wrap(AsyncResponseConsumer<T> delegate, AsyncCall call) {
    return new TracingResponseConsumer<>(delegate, call);
  }

  @Override
  public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
      FutureCallback<T> resultCallback) throws HttpException, IOException {
    call.response = response;
    delegate.consumeResponse(response, entityDetails, context, resultCallback);
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
    delegate.informationResponse(response, context);
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
    delegate.updateCapacity(capacityChannel);
  }

  @Override
  public void consume(ByteBuffer src) throws IOException {
    delegate.consume(src);
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
    delegate.streamEnd(trailers);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
