package dev.clew.instrumentation.grpc;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.trace.Span;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * One call through a traced channel. {@code start} starts the CLIENT span and injects it into the
 * call's metadata; the span ends when the call closes, whatever closed it (the server's status, a
 * cancellation, an expired deadline, a transport failure). The response listener runs in the caller's
 * context, on whichever executor gRPC delivers it.
 */
final class TracingClientCall<ReqT, RespT> extends ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT> {
  private final GrpcAttributes.RpcMethod method;
  private final GrpcAttributes.Authority authority;
  private final Context parent;
  private Span span = Span.invalid();
  /** Messages so far, counted only with message events on. */
  private int sent;

  TracingClientCall(ClientCall<ReqT, RespT> delegate, GrpcAttributes.RpcMethod method,
      GrpcAttributes.Authority authority, Context parent) {
    super(delegate);
    this.method = method;
    this.authority = authority;
    this.parent = parent;
  }

  @Override
  public void start(ClientCall.Listener<RespT> responseListener, Metadata headers) {
    span = GrpcClientTracer.start(parent, method, authority, headers);
    Context context = GrpcClientTracer.inject(parent, span, headers);
    // current while gRPC and the interceptors below this one start the call: what they do belongs to it
    try (Scope ignored = context.makeCurrent()) {
      super.start(new TracingListener<>(responseListener, this, span), headers);
    } catch (Throwable t) {
      GrpcClientTracer.endFailed(span, t);
      throw t;
    }
  }

  @Override
  public void sendMessage(ReqT message) {
    if (GrpcInstrumentationModule.messageEvents()) {
      MessageEvents.sent(span, ++sent);
    }
    super.sendMessage(message);
  }

  /** Delivers the response in the caller's context and ends the span when the call closes. */
  private static final class TracingListener<ReqT, RespT> extends ForwardingClientCallListener.SimpleForwardingClientCallListener<RespT> {
    private final TracingClientCall<ReqT, RespT> call;
    /** The span this start began (a call started twice by mistake must not end the wrong one). */
    private final Span span;
    private int received;

    TracingListener(ClientCall.Listener<RespT> delegate, TracingClientCall<ReqT, RespT> call, Span span) {
      super(delegate);
      this.call = call;
      this.span = span;
    }

    @Override
    public void onHeaders(Metadata headers) {
      try (Scope ignored = call.parent.makeCurrent()) {
        super.onHeaders(headers);
      }
    }

    @Override
    public void onMessage(RespT message) {
      if (GrpcInstrumentationModule.messageEvents()) {
        MessageEvents.received(span, ++received);
      }
      try (Scope ignored = call.parent.makeCurrent()) {
        super.onMessage(message);
      }
    }

    @Override
    public void onReady() {
      try (Scope ignored = call.parent.makeCurrent()) {
        super.onReady();
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      // ended before the application hears of it: a blocking stub's caller resumes with the span done
      GrpcClientTracer.end(span, status, call);
      try (Scope ignored = call.parent.makeCurrent()) {
        super.onClose(status, trailers);
      }
    }
  }
}
