package dev.clew.instrumentation.grpc;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * The outermost interceptor of every server: a SERVER span per call, current while the service's
 * handler starts and during every listener callback, on whichever executor the server runs them.
 */
public final class TracingServerInterceptor implements ServerInterceptor {
  static final TracingServerInterceptor INSTANCE = new TracingServerInterceptor();

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    Context context = GrpcServerTracer.start(call, headers);
    TracingServerCall<ReqT, RespT> traced = new TracingServerCall<>(call, context);
    ServerCall.Listener<ReqT> listener;
    try (Scope ignored = context.makeCurrent()) {
      listener = next.startCall(traced, headers);
    } catch (Throwable t) {
      traced.startFailed(t);
      throw t;
    }
    return new TracingServerCallListener<>(listener, traced);
  }
}
