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

/**
 * Remembers the final response (redirects are followed before the application's consumer sees one) and ends
 * the span once the response has been consumed.
 */
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
    delegate.consumeResponse(response, entityDetails, context, new EndingCallback<>(resultCallback, call));
  }

  /**
   * The client completes the caller's future from this callback and only then calls the callback given to
   * {@code execute}: ending the span here means it has ended when the caller sees the result.
   */
  private static final class EndingCallback<T> implements FutureCallback<T> {
    private final FutureCallback<T> delegate;
    private final AsyncCall call;

    EndingCallback(FutureCallback<T> delegate, AsyncCall call) {
      this.delegate = delegate;
      this.call = call;
    }

    @Override
    public void completed(T result) {
      call.end(null);
      delegate.completed(result);
    }

    @Override
    public void failed(Exception ex) {
      call.end(ex);
      delegate.failed(ex);
    }

    @Override
    public void cancelled() {
      delegate.cancelled(); // the future's callback ends the span as cancelled
    }
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
