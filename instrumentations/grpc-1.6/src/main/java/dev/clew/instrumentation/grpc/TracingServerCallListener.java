package dev.clew.instrumentation.grpc;

import dev.clew.core.context.Scope;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ServerCall;

/**
 * Runs every callback of a server call (where the service's code runs: unary and server-streaming
 * methods in {@code onHalfClose}, streaming observers in {@code onMessage}) with the call's SERVER span
 * current, and ends the span when the call is over.
 */
final class TracingServerCallListener<ReqT> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<ReqT> {
  private final TracingServerCall<ReqT, ?> call;

  TracingServerCallListener(ServerCall.Listener<ReqT> delegate, TracingServerCall<ReqT, ?> call) {
    super(delegate);
    this.call = call;
  }

  @Override
  public void onMessage(ReqT message) {
    if (GrpcInstrumentationModule.messageEvents()) {
      MessageEvents.received(call.span(), ++call.received);
    }
    try (Scope ignored = call.context.makeCurrent()) {
      super.onMessage(message);
    } catch (Throwable t) {
      call.callbackFailed(t);
      throw t;
    }
  }

  @Override
  public void onHalfClose() {
    try (Scope ignored = call.context.makeCurrent()) {
      super.onHalfClose();
    } catch (Throwable t) {
      call.callbackFailed(t);
      throw t;
    }
  }

  @Override
  public void onReady() {
    try (Scope ignored = call.context.makeCurrent()) {
      super.onReady();
    } catch (Throwable t) {
      call.callbackFailed(t);
      throw t;
    }
  }

  @Override
  public void onCancel() {
    try (Scope ignored = call.context.makeCurrent()) {
      super.onCancel();
    } finally {
      call.finished(true);
    }
  }

  @Override
  public void onComplete() {
    try (Scope ignored = call.context.makeCurrent()) {
      super.onComplete();
    } finally {
      call.finished(false);
    }
  }
}
