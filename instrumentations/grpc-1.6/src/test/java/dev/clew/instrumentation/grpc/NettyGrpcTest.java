package dev.clew.instrumentation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite over Netty on loopback, built with {@code NettyServerBuilder} and {@code NettyChannelBuilder}
 * (grpc-netty-shaded's on current grpc-java, grpc-netty's on 1.6: found by name, as the tests compile
 * against 1.6); and a channel from {@code ManagedChannelBuilder.forAddress}, as frameworks build them.
 */
class NettyGrpcTest extends GrpcSuite {
  private static final String NETTY = nettyPackage();

  @Override
  protected ServerBuilder<?> serverBuilder(String name) throws Exception {
    return (ServerBuilder<?>) Class.forName(NETTY + ".NettyServerBuilder").getMethod("forAddress", SocketAddress.class)
        .invoke(null, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @Override
  protected ManagedChannelBuilder<?> channelBuilder(String name, Server server) throws Exception {
    return plaintext((ManagedChannelBuilder<?>) Class.forName(NETTY + ".NettyChannelBuilder")
        .getMethod("forAddress", String.class, int.class).invoke(null, "127.0.0.1", server.getPort()));
  }

  @Override
  protected boolean hasNetworkPeer() {
    return true;
  }

  @Override
  protected String serverAddress() {
    return "127.0.0.1";
  }

  @Override
  protected int serverPort(Server server) {
    return server.getPort();
  }

  @Test
  void channelsFromTheProviderLookupAreTraced() throws Exception {
    Server server = start(serverBuilder("provider").addService(EchoService.definition()));
    ManagedChannel channel = open(plaintext(ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())));
    assertEquals("PROVIDED", call(channel, "provided"));
    List<Span> spans = awaitCall();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    assertTrue(AgentSpans.isChildOf(only(spans, SpanKind.SPAN_KIND_SERVER), client));
    assertEquals((long) server.getPort(), AgentSpans.attribute(client, "server.port"));
  }

  /** {@code usePlaintext()} on current grpc-java, {@code usePlaintext(true)} on 1.6. */
  static ManagedChannelBuilder<?> plaintext(ManagedChannelBuilder<?> builder) throws Exception {
    try {
      return (ManagedChannelBuilder<?>) ManagedChannelBuilder.class.getMethod("usePlaintext").invoke(builder);
    } catch (NoSuchMethodException old) {
      return (ManagedChannelBuilder<?>) ManagedChannelBuilder.class.getMethod("usePlaintext", boolean.class)
          .invoke(builder, true);
    }
  }

  private static String nettyPackage() {
    try {
      Class.forName("io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder");
      return "io.grpc.netty.shaded.io.grpc.netty";
    } catch (ClassNotFoundException e) {
      return "io.grpc.netty";
    }
  }
}
