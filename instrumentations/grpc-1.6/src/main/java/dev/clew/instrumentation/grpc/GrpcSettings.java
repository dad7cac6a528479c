package dev.clew.instrumentation.grpc;

import static dev.clew.core.semconv.SemanticAttributes.RPC_GRPC_REQUEST_METADATA_PREFIX;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.http.CapturedHeaders;

/** The module's configuration, read once from the agent's configuration. */
final class GrpcSettings {
  /**
   * Opt-in: an {@code rpc.message} event per message sent and received (a stream can carry many; the
   * span's event limit bounds them and counts the rest as dropped).
   */
  static final boolean MESSAGE_EVENTS;
  /** Request metadata recorded as {@code rpc.grpc.request.metadata.<key>}, by side (none by default). */
  static final CapturedHeaders CLIENT_REQUEST_METADATA;
  static final CapturedHeaders SERVER_REQUEST_METADATA;

  static {
    Config config = Config.global();
    MESSAGE_EVENTS = config.getBoolean("otel.instrumentation.grpc.emit-message-events", false);
    CLIENT_REQUEST_METADATA = CapturedHeaders.fromConfig(config,
        "otel.instrumentation.grpc.capture-metadata.client.request", RPC_GRPC_REQUEST_METADATA_PREFIX);
    SERVER_REQUEST_METADATA = CapturedHeaders.fromConfig(config,
        "otel.instrumentation.grpc.capture-metadata.server.request", RPC_GRPC_REQUEST_METADATA_PREFIX);
  }

  private GrpcSettings() {}
}
