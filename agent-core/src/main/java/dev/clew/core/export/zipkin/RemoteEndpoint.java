package dev.clew.core.export.zipkin;

import static dev.clew.core.semconv.SemanticAttributes.CLIENT_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.CLIENT_PORT;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.PEER_SERVICE;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanKind;
import java.io.IOException;

/**
 * The other side of a span, from semantic-convention attributes. For CLIENT and PRODUCER spans the
 * peer is the server ({@code peer.service} or {@code server.address} as service name, {@code server.port});
 * for every kind {@code network.peer.address}/{@code network.peer.port} give the IP and port when they
 * are set, and a SERVER or CONSUMER span falls back to {@code client.address}/{@code client.port}.
 * Omitted when nothing is known. IPs are never resolved from names (no DNS on the export path).
 */
final class RemoteEndpoint {
  private RemoteEndpoint() {}

  static void write(JsonGenerator g, SpanData s) throws IOException {
    Attributes a = s.attributes();
    boolean outgoing = s.kind() == SpanKind.CLIENT || s.kind() == SpanKind.PRODUCER;
    boolean incoming = s.kind() == SpanKind.SERVER || s.kind() == SpanKind.CONSUMER;
    if (!outgoing && !incoming) {
      return;
    }
    String serviceName = null;
    String ip = string(a, NETWORK_PEER_ADDRESS);
    long port = number(a, NETWORK_PEER_PORT);
    if (outgoing) {
      serviceName = string(a, PEER_SERVICE);
      String server = string(a, SERVER_ADDRESS);
      if (serviceName == null && server != null && !isIpv4(server) && !isIpv6(server)) {
        serviceName = server;
      }
      if (ip == null && server != null && (isIpv4(server) || isIpv6(server))) {
        ip = server;
      }
      if (port < 0) {
        port = number(a, SERVER_PORT);
      }
    } else {
      if (ip == null) {
        ip = string(a, CLIENT_ADDRESS);
      }
      if (port < 0) {
        port = number(a, CLIENT_PORT);
      }
    }
    boolean v4 = ip != null && isIpv4(ip);
    boolean v6 = ip != null && !v4 && isIpv6(ip);
    boolean hasPort = port > 0 && port <= 65535;
    if (serviceName == null && !v4 && !v6 && !hasPort) {
      return;
    }
    g.writeObjectFieldStart("remoteEndpoint");
    if (serviceName != null) {
      g.writeStringField("serviceName", serviceName);
    }
    if (v4) {
      g.writeStringField("ipv4", ip);
    } else if (v6) {
      g.writeStringField("ipv6", stripBrackets(ip));
    }
    if (hasPort) {
      g.writeNumberField("port", port);
    }
    g.writeEndObject();
  }

  private static String string(Attributes a, String key) {
    Object v = a.get(key);
    return v instanceof String && !((String) v).isEmpty() ? (String) v : null;
  }

  private static long number(Attributes a, String key) {
    Object v = a.get(key);
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof String) {
      try {
        return Long.parseLong((String) v);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  static boolean isIpv4(String s) {
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else if (c == '.' && digits > 0) {
        parts++;
        digits = 0;
        value = 0;
      } else {
        return false;
      }
    }
    return digits > 0 && parts == 3;
  }

  static boolean isIpv6(String s) {
    String v = stripBrackets(s);
    int colons = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ':') {
        colons++;
      } else if (!(Character.digit(c, 16) >= 0 || c == '.' || c == '%')) {
        return false;
      }
    }
    return colons >= 2;
  }

  private static String stripBrackets(String s) {
    return s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']' ? s.substring(1, s.length() - 1) : s;
  }
}
