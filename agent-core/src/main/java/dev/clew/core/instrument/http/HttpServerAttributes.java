package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.CLIENT_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_ROUTE;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.URL_PATH;
import static dev.clew.core.semconv.SemanticAttributes.URL_QUERY;
import static dev.clew.core.semconv.SemanticAttributes.URL_SCHEME;
import static dev.clew.core.semconv.SemanticAttributes.USER_AGENT_ORIGINAL;

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
    setIfNotNull(span, URL_SCHEME, adapter.scheme(request));
    setIfNotNull(span, URL_PATH, adapter.path(request));
    setIfNotNull(span, URL_QUERY, redactor.redactQuery(adapter.query(request)));
    setIfNotNull(span, HTTP_ROUTE, route);
    setIfNotNull(span, SERVER_ADDRESS, adapter.serverAddress(request));
    int serverPort = adapter.serverPort(request);
    if (serverPort > 0) {
      span.setAttribute(SERVER_PORT, (long) serverPort);
    }
    String peer = adapter.peerAddress(request);
    String client = forwardedClient(adapter, request);
    setIfNotNull(span, CLIENT_ADDRESS, client != null ? client : peer);
    setIfNotNull(span, NETWORK_PEER_ADDRESS, peer);
    int peerPort = adapter.peerPort(request);
    if (peerPort > 0) {
      span.setAttribute(NETWORK_PEER_PORT, (long) peerPort);
    }
    setIfNotNull(span, NETWORK_PROTOCOL_VERSION, HttpCommon.protocolVersion(adapter.protocol(request)));
    setIfNotNull(span, USER_AGENT_ORIGINAL, adapter.header(request, "user-agent"));
  }

  static void onEnd(Span span, int statusCode) {
    if (statusCode > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
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
