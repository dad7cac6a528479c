package dev.clew.instrumentation.grpc;

import dev.clew.core.context.Context;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * The outermost interceptor of one channel: wraps each call so it gets a CLIENT span. The caller's
 * context is taken here, on the thread that creates the call (blocking, async and future stubs all
 * create and start calls on the caller's thread).
 */
public final class TracingClientInterceptor implements ClientInterceptor {
  /** The channel's authority, split once; calls overriding it in their CallOptions are split per call. */
  private volatile GrpcAttributes.Authority authority;

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
      CallOptions callOptions, Channel next) {
    ClientCall<ReqT, RespT> call = next.newCall(method, callOptions);
    String override = callOptions.getAuthority();
    GrpcAttributes.Authority target = override != null ? GrpcAttributes.Authority.parse(override) : channelAuthority(next);
    return new TracingClientCall<>(call, GrpcAttributes.method(method.getFullMethodName()), target, Context.current());
  }

  private GrpcAttributes.Authority channelAuthority(Channel next) {
    GrpcAttributes.Authority a = GrpcAttributes.Authority.parse(next.authority(), authority);
    authority = a;
    return a;
  }
}
