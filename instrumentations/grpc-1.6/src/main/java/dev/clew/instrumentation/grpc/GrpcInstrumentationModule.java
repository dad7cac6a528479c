package dev.clew.instrumentation.grpc;

import static dev.clew.core.semconv.SemanticAttributes.RPC_GRPC_REQUEST_METADATA_PREFIX;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.http.CapturedHeaders;
import java.util.Arrays;
import java.util.List;

/**
 * grpc-java 1.6 and later: a CLIENT span per call and a SERVER span per call, with the context in the
 * call's {@code Metadata}. Every channel and server gets a tracing interceptor when its builder builds it
 * ({@code ManagedChannelBuilder}, {@code NettyChannelBuilder}, {@code InProcessChannelBuilder} and the
 * server builders all end in grpc's own builder implementations), added after the application's
 * interceptors, so it runs first and theirs keep their order.
 */
public final class GrpcInstrumentationModule extends InstrumentationModule {
  /** Read in {@link #typeInstrumentations}, before any advice runs; the helpers of every class loader use them. */
  private static volatile boolean messageEvents;
  private static volatile CapturedHeaders clientRequestMetadata = CapturedHeaders.NONE;
  private static volatile CapturedHeaders serverRequestMetadata = CapturedHeaders.NONE;

  public GrpcInstrumentationModule() {
    super("grpc", "grpc-1.6");
  }

  /**
   * Opt-in: an {@code rpc.message} event per message sent and received (a stream can carry many; the span's
   * event limit bounds them and counts the rest as dropped).
   */
  public static boolean messageEvents() {
    return messageEvents;
  }

  /** Request metadata recorded as {@code rpc.grpc.request.metadata.<key>} on CLIENT spans (none by default). */
  public static CapturedHeaders clientRequestMetadata() {
    return clientRequestMetadata;
  }

  /** The same on SERVER spans. */
  public static CapturedHeaders serverRequestMetadata() {
    return serverRequestMetadata;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    messageEvents = config.getBoolean("otel.instrumentation.grpc.emit-message-events", false);
    clientRequestMetadata = CapturedHeaders.fromConfig(config,
        "otel.instrumentation.grpc.capture-metadata.client.request", RPC_GRPC_REQUEST_METADATA_PREFIX);
    serverRequestMetadata = CapturedHeaders.fromConfig(config,
        "otel.instrumentation.grpc.capture-metadata.server.request", RPC_GRPC_REQUEST_METADATA_PREFIX);
    return Arrays.<TypeInstrumentation>asList(new ChannelBuilderInstrumentation(), new ServerBuilderInstrumentation());
  }

  @Override
  public List<String> requiredReferences() {
    // ServerBuilder.intercept appeared in 1.5; the forwarding call and listener types are older
    return Arrays.asList("io.grpc.ServerBuilder#intercept", "io.grpc.ManagedChannelBuilder#intercept",
        "io.grpc.ForwardingClientCall$SimpleForwardingClientCall",
        "io.grpc.ForwardingClientCallListener$SimpleForwardingClientCallListener",
        "io.grpc.ForwardingServerCall$SimpleForwardingServerCall",
        "io.grpc.ForwardingServerCallListener$SimpleForwardingServerCallListener",
        "io.grpc.ServerCall#getAuthority", "io.grpc.ClientCall#getAttributes", "io.grpc.Metadata#keys",
        "io.grpc.Grpc");
  }
}
