package dev.clew.instrumentation.grpc;

import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

/** The suite over the in-process transport: no network, so no peer address; the authority is the server's name. */
class InProcessGrpcTest extends GrpcSuite {
  @Override
  protected ServerBuilder<?> serverBuilder(String name) {
    return InProcessServerBuilder.forName(unique(name));
  }

  @Override
  protected ManagedChannelBuilder<?> channelBuilder(String name, Server server) {
    return InProcessChannelBuilder.forName(unique(name));
  }

  @Override
  protected boolean hasNetworkPeer() {
    return false;
  }

  @Override
  protected String serverAddress() {
    return "localhost";
  }

  @Override
  protected int serverPort(Server server) {
    return -1;
  }

  private static String unique(String name) {
    return "clew-" + name;
  }
}
