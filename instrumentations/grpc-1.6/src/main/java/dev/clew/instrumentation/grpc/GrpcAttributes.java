package dev.clew.instrumentation.grpc;

import static dev.clew.core.semconv.SemanticAttributes.CLIENT_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.CLIENT_PORT;
import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.RPC_GRPC_REQUEST_METADATA_PREFIX;
import static dev.clew.core.semconv.SemanticAttributes.RPC_GRPC_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.RPC_METHOD;
import static dev.clew.core.semconv.SemanticAttributes.RPC_SERVICE;
import static dev.clew.core.semconv.SemanticAttributes.RPC_SYSTEM;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;

import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.StatusCode;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * gRPC calls as span attributes and status, per the OpenTelemetry RPC and gRPC semantic conventions
 * (v1.37): span name {@code {package.Service}/{Method}}, {@code rpc.system=grpc}, {@code rpc.service},
 * {@code rpc.method}, {@code rpc.grpc.status_code}, {@code server.address}/{@code server.port} (from the
 * authority), {@code network.peer.*} (the connected socket, when it is an IP one). Client spans are errors
 * for every code but OK; server spans only for the codes the conventions list as server errors.
 */
final class GrpcAttributes {
  /** Method names seen so far; bounded, as a server with a fallback registry may be called with any name. */
  private static final ConcurrentHashMap<String, RpcMethod> METHODS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_METHODS = 1024;

  private GrpcAttributes() {}

  /** A full method name split once: {@code pkg.Service/Method} into service and method. */
  static final class RpcMethod {
    final String fullName;
    final String service;
    final String method;

    private RpcMethod(String fullName) {
      this.fullName = fullName;
      int slash = fullName.lastIndexOf('/');
      this.service = slash > 0 ? fullName.substring(0, slash) : null;
      this.method = fullName.substring(slash + 1);
    }
  }

  static RpcMethod method(String fullMethodName) {
    RpcMethod m = METHODS.get(fullMethodName);
    if (m == null) {
      m = new RpcMethod(fullMethodName);
      if (METHODS.size() < MAX_CACHED_METHODS) {
        METHODS.putIfAbsent(fullMethodName, m);
      }
    }
    return m;
  }

  /** A call's authority ({@code host}, {@code host:port}, {@code [v6]:port}) split into host and port. */
  static final class Authority {
    static final Authority UNKNOWN = new Authority(null, null, -1);

    final String raw;
    final String host;
    final int port;

    private Authority(String raw, String host, int port) {
      this.raw = raw;
      this.host = host;
      this.port = port;
    }

    /** {@code previous} when it was parsed from the same text (the common case: one authority per channel or server). */
    static Authority parse(String authority, Authority previous) {
      return previous != null && previous.raw != null && previous.raw.equals(authority) ? previous : parse(authority);
    }

    static Authority parse(String authority) {
      if (authority == null || authority.isEmpty()) {
        return UNKNOWN;
      }
      String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          return new Authority(authority, hostPort, -1);
        }
        return new Authority(authority, hostPort.substring(1, close), port(hostPort, close + 1));
      }
      int colon = hostPort.indexOf(':');
      if (colon < 0 || hostPort.indexOf(':', colon + 1) >= 0) {
        return new Authority(authority, hostPort, -1); // no port, or an IPv6 address without brackets
      }
      return new Authority(authority, hostPort.substring(0, colon), port(hostPort, colon));
    }

    /** The port after the colon at {@code colon}, or -1. */
    private static int port(String s, int colon) {
      if (colon >= s.length() || s.charAt(colon) != ':' || colon + 1 == s.length()) {
        return -1;
      }
      int port = 0;
      for (int i = colon + 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9' || port > 65535) {
          return -1;
        }
        port = port * 10 + (c - '0');
      }
      return port > 0 && port <= 65535 ? port : -1;
    }
  }

  static void onStart(SpanBuilder span, RpcMethod method, Authority authority) {
    span.setAttribute(RPC_SYSTEM, "grpc");
    if (method.service != null) {
      span.setAttribute(RPC_SERVICE, method.service);
    }
    span.setAttribute(RPC_METHOD, method.method);
    if (authority.host != null) {
      span.setAttribute(SERVER_ADDRESS, authority.host);
      if (authority.port > 0) {
        span.setAttribute(SERVER_PORT, (long) authority.port);
      }
    }
  }

  /** The connected peer, when the transport is an IP one (not in-process); servers also name it the client. */
  static void onPeer(Span span, SocketAddress peer, boolean server) {
    if (!(peer instanceof InetSocketAddress)) {
      return;
    }
    InetSocketAddress inet = (InetSocketAddress) peer;
    String address = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    span.setAttribute(NETWORK_PEER_ADDRESS, address);
    span.setAttribute(NETWORK_PEER_PORT, (long) inet.getPort());
    if (server) {
      span.setAttribute(CLIENT_ADDRESS, address);
      span.setAttribute(CLIENT_PORT, (long) inet.getPort());
    }
  }

  /**
   * The outcome: {@code rpc.grpc.status_code}, and for an error the ERROR status, {@code error.type} (the
   * code's name) and an {@code exception} event for {@code error} (a throwable the application raised, or
   * the status' cause).
   */
  static void onEnd(Span span, Status.Code code, String description, Throwable error, boolean server) {
    span.setAttribute(RPC_GRPC_STATUS_CODE, (long) code.value());
    if (server ? isServerError(code) : code != Status.Code.OK) {
      span.setAttribute(ERROR_TYPE, code.name());
      if (error != null) {
        span.recordException(error);
      }
      span.setStatus(StatusCode.ERROR, description != null ? description : error != null ? error.getMessage() : null);
    }
  }

  /** UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS: the server failed the call. */
  static boolean isServerError(Status.Code code) {
    switch (code.value()) {
      case 2: case 4: case 12: case 13: case 14: case 15:
        return true;
      default:
        return false;
    }
  }
}
