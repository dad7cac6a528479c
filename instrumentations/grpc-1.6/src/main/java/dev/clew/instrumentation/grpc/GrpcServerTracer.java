package dev.clew.instrumentation.grpc;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.core.context.Context;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.concurrent.TimeoutException;

/**
 * Starts and ends the SERVER span of one gRPC call. The parent is what the caller sent in the call's
 * metadata, read with the configured propagators onto the root context: never whatever context the
 * server thread happens to hold (transport threads can be created inside another call's context).
 * Catches its own failures and counts them with the advice errors.
 */
final class GrpcServerTracer {
  /** The authority the last call named, split: clients of one server name it alike. */
  private static volatile GrpcAttributes.Authority lastAuthority;

  private GrpcServerTracer() {}

  /** The context holding the call's span (the root context if tracing failed). */
  static Context start(ServerCall<?, ?> call, Metadata headers) {
    try {
      TracerProvider provider = TracerProvider.global();
      Context parent = Propagators.global().extract(Context.root(), headers, GrpcMetadata.INSTANCE);
      GrpcAttributes.RpcMethod method = GrpcAttributes.method(call.getMethodDescriptor().getFullMethodName());
      SpanBuilder builder = provider.tracer(GrpcClientTracer.SCOPE).spanBuilder(method.fullName)
          .setSpanKind(SpanKind.SERVER)
          .setParent(parent);
      GrpcAttributes.Authority authority = GrpcAttributes.Authority.parse(call.getAuthority(), lastAuthority);
      lastAuthority = authority;
      GrpcAttributes.onStart(builder, method, authority);
      Span span = builder.startSpan();
      if (span.isRecording()) {
        GrpcAttributes.onPeer(span, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), true);
        GrpcInstrumentationModule.serverRequestMetadata().capture(span, headers, GrpcMetadata.INSTANCE);
      }
      return parent.with(span);
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return Context.root();
    }
  }

  static void end(Span span, Status.Code code, String description, Throwable error) {
    try {
      if (span.isRecording()) {
        GrpcAttributes.onEnd(span, code, description, error, true);
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
    span.end();
  }

  /**
   * Why a call ended without the service closing it, from gRPC's context of the call (current in the
   * listener): its deadline passed (DEADLINE_EXCEEDED), else the client cancelled it (CANCELLED).
   */
  static Status.Code cancellationCode() {
    try {
      io.grpc.Context grpcContext = io.grpc.Context.current();
      Deadline deadline = grpcContext.getDeadline();
      if ((deadline != null && deadline.isExpired()) || grpcContext.cancellationCause() instanceof TimeoutException) {
        return Status.Code.DEADLINE_EXCEEDED;
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
    return Status.Code.CANCELLED;
  }
}
