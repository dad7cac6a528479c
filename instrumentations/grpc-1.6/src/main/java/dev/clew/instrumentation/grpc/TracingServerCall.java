package dev.clew.instrumentation.grpc;

import dev.clew.core.context.Context;
import dev.clew.core.trace.Span;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One call to a traced server, holding its SERVER span. The span ends once, at the first of: the
 * service closing the call (its status), a listener callback throwing (gRPC answers UNKNOWN), the
 * handler failing to start, or the call ending without a close (cancelled by the client or by its
 * deadline).
 */
final class TracingServerCall<ReqT, RespT> extends ForwardingServerCall.SimpleForwardingServerCall<ReqT, RespT> {
  private static final AtomicIntegerFieldUpdater<TracingServerCall<?, ?>> ENDED = endedUpdater();

  final Context context;
  private final Span span;
  private volatile int ended;
  /** Messages so far, counted only with message events on. */
  private int sent;
  int received;

  TracingServerCall(ServerCall<ReqT, RespT> delegate, Context context) {
    super(delegate);
    this.context = context;
    this.span = Span.fromContext(context);
  }

  @Override
  public void sendMessage(RespT message) {
    if (GrpcInstrumentationModule.messageEvents()) {
      MessageEvents.sent(span, ++sent);
    }
    super.sendMessage(message);
  }

  @Override
  public void close(Status status, Metadata trailers) {
    try {
      super.close(status, trailers);
    } catch (Throwable t) {
      end(status.getCode(), status.getDescription(), t);
      throw t;
    }
    end(status.getCode(), status.getDescription(), status.getCause());
  }

  Span span() {
    return span;
  }

  /** The handler's {@code startCall} threw: gRPC closes the call with the throwable's status. */
  void startFailed(Throwable t) {
    Status status = Status.fromThrowable(t);
    end(status.getCode(), status.getDescription(), t);
  }

  /** A listener callback threw: gRPC closes the call with UNKNOWN. */
  void callbackFailed(Throwable t) {
    end(Status.Code.UNKNOWN, null, t);
  }

  /** The call is over; if the service never closed it, the client cancelled it or its deadline passed. */
  void finished(boolean cancelled) {
    if (ended == 0) {
      end(cancelled ? GrpcServerTracer.cancellationCode() : Status.Code.OK, null, null);
    }
  }

  private void end(Status.Code code, String description, Throwable error) {
    if (ENDED.compareAndSet(this, 0, 1)) {
      GrpcServerTracer.end(span, code, description, error);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AtomicIntegerFieldUpdater<TracingServerCall<?, ?>> endedUpdater() {
    return (AtomicIntegerFieldUpdater) AtomicIntegerFieldUpdater.newUpdater(TracingServerCall.class, "ended");
  }
}
