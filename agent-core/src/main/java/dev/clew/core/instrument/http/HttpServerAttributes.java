package dev.clew.core.instrument.http;

import dev.clew.core.config.Redactor;
import dev.clew.core.trace.Span;

/**
 * Reads a server request and response into span attributes per the OpenTelemetry HTTP semantic
 * conventions; {@code client.address} honours {@code Forwarded} and {@code X-Forwarded-For}.
 */
final class HttpServerAttributes {
  private HttpServerAttributes() {}

  static <REQ, RES> void onStart(Span span, HttpServerAdapter<REQ, RES> adapter, REQ request, String route,
      Redactor redactor) {
    HttpCommon.setMethod(span, adapter.method(request));
    setIfNotNull(span, "url.scheme", adapter.scheme(request));
    setIfNotNull(span, "url.path", adapter.path(request));
    setIfNotNull(span, "url.query", redactor.redactQuery(adapter.query(request)));
    setIfNotNull(span, "http.route", route);
    setIfNotNull(span, "server.address", adapter.serverAddress(request));
    int serverPort = adapter.serverPort(request);
    if (serverPort > 0) {
      span.setAttribute("server.port", (long) serverPort);
    }
    String peer = adapter.peerAddress(request);
    String client = forwardedClient(adapter, request);
    setIfNotNull(span, "client.address", client != null ? client : peer);
    setIfNotNull(span, "network.peer.address", peer);
    int peerPort = adapter.peerPort(request);
    if (peerPort > 0) {
      span.setAttribute("network.peer.port", (long) peerPort);
    }
    setIfNotNull(span, "network.protocol.version", HttpCommon.protocolVersion(adapter.protocol(request)));
    setIfNotNull(span, "user_agent.original", adapter.header(request, "user-agent"));
  }

  static void onEnd(Span span, int statusCode) {
    if (statusCode > 0) {
      span.setAttribute("http.response.status_code", (long) statusCode);
    }
  }

  /** The original client from {@code Forwarded: for=...} or else {@code X-Forwarded-For}; null if neither. */
  static <REQ> String forwardedClient(HttpServerAdapter<REQ, ?> adapter, REQ request) {
    String forwarded = adapter.header(request, "forwarded");
    if (forwarded != null) {
      String v = forwardedFor(forwarded);
      if (v != null) {
        return v;
      }
    }
    String xff = adapter.header(request, "x-forwarded-for");
    if (xff != null) {
      int comma = xff.indexOf(',');
      String first = (comma < 0 ? xff : xff.substring(0, comma)).trim();
      if (!first.isEmpty()) {
        return first;
      }
    }
    return null;
  }

  /** The first {@code for=} of an RFC 7239 header, without quotes, brackets or port. */
  static String forwardedFor(String header) {
    int i = indexOfIgnoreCase(header, "for=");
    if (i < 0) {
      return null;
    }
    int start = i + 4;
    int end = start;
    while (end < header.length() && header.charAt(end) != ';' && header.charAt(end) != ',') {
      end++;
    }
    String v = header.substring(start, end).trim();
    if (v.length() > 1 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
      v = v.substring(1, v.length() - 1);
    }
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close > 1 ? v.substring(1, close) : null;
    }
    int colon = v.indexOf(':');
    if (colon >= 0 && v.indexOf(':', colon + 1) < 0) {
      v = v.substring(0, colon); // host:port; an IPv6 address without brackets keeps its colons
    }
    return v.isEmpty() || v.startsWith("_") || "unknown".equalsIgnoreCase(v) ? null : v;
  }

  private static int indexOfIgnoreCase(String s, String token) {
    for (int i = 0; i + token.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, token, 0, token.length())
          && (i == 0 || s.charAt(i - 1) == ';' || s.charAt(i - 1) == ',' || s.charAt(i - 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private static void setIfNotNull(Span span, String key, String value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
  }
}
