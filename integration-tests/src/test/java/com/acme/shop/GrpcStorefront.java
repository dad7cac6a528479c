package com.acme.shop;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;

/**
 * Service A of the gRPC flow: one checkout that reserves {@code args[1]} at the inventory service on port
 * {@code args[0]} with a blocking stub; {@code args[2]}, when given, is a {@code baggage} entry the application
 * puts into the call's metadata itself (with an interceptor of its own).
 */
public final class GrpcStorefront {
  public static void main(String[] args) throws InterruptedException {
    ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(args[0]))
        .usePlaintext();
    if (args.length > 2) {
      builder.intercept(new Baggage(args[2]));
    }
    ManagedChannel channel = builder.build();
    try {
      System.out.println("reserved " + new Checkout().run(channel, args[1]));
    } finally {
      channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  public static final class Checkout {
    /** Traced by configuration ({@code clew.trace.methods}); the gRPC client span nests under it. */
    public String run(Channel channel, String sku) {
      return ClientCalls.blockingUnaryCall(channel, Inventory.RESERVE, CallOptions.DEFAULT, sku);
    }
  }

  /** The application's own interceptor, adding a baggage entry to every call. */
  static final class Baggage implements ClientInterceptor {
    private static final Metadata.Key<String> KEY = Metadata.Key.of("baggage", Metadata.ASCII_STRING_MARSHALLER);
    private final String value;

    Baggage(String value) {
      this.value = value;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
        CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT>(next.newCall(method, options)) {
        @Override
        public void start(Listener<RespT> listener, Metadata headers) {
          headers.put(KEY, value);
          super.start(listener, headers);
        }
      };
    }
  }
}
