package dev.clew.cli;

import static dev.clew.core.semconv.SemanticAttributes.DB_QUERY_TEXT;
import static dev.clew.core.semconv.SemanticAttributes.DB_STATEMENT;
import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_ROUTE;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_DESTINATION;
import static dev.clew.core.semconv.SemanticAttributes.MESSAGING_DESTINATION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PEER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.NET_PEER_NAME;
import static dev.clew.core.semconv.SemanticAttributes.NET_PEER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.RPC_GRPC_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.URL_PATH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few attributes worth a glance on a waterfall line: route, status code, query, peer, destination. */
final class KeyAttributes {
  private static final int QUERY_MAX = 60;

  private KeyAttributes() {}

  static List<String> of(FileSpan s) {
    Map<String, String> a = s.attributes;
    List<String> out = new ArrayList<>(4);
    String route = a.get(HTTP_ROUTE);
    if (route != null) {
      out.add(route);
    } else if (a.containsKey(URL_PATH)) {
      out.add(a.get(URL_PATH));
    }
    String code = first(a, HTTP_RESPONSE_STATUS_CODE, RPC_GRPC_STATUS_CODE);
    if (code != null) {
      out.add(code);
    }
    String query = first(a, DB_QUERY_TEXT, DB_STATEMENT);
    if (query != null) {
      out.add(shorten(query.replaceAll("\\s+", " "), QUERY_MAX));
    }
    String dest = first(a, MESSAGING_DESTINATION_NAME, MESSAGING_DESTINATION);
    if (dest != null) {
      out.add("destination=" + dest);
    }
    // a server's own address says nothing on its line; the peer of a call does
    boolean outgoing = !"SERVER".equals(s.kind) && !"CONSUMER".equals(s.kind);
    String peer = outgoing ? first(a, SERVER_ADDRESS, NETWORK_PEER_ADDRESS, NET_PEER_NAME) : null;
    if (peer != null) {
      String port = first(a, SERVER_PORT, NETWORK_PEER_PORT, NET_PEER_PORT);
      out.add("-> " + (port == null ? peer : peer + ":" + port));
    }
    if (s.isError()) {
      String ex = s.exception();
      if (ex != null) {
        out.add(shorten(ex, 80));
      } else if (!s.statusMessage.isEmpty()) {
        out.add(shorten(s.statusMessage, 80));
      } else if (a.containsKey(ERROR_TYPE)) {
        out.add(ERROR_TYPE + "=" + a.get(ERROR_TYPE));
      }
    }
    return out;
  }

  private static String first(Map<String, String> a, String k1, String k2) {
    String v = a.get(k1);
    if (v == null) {
      v = a.get(k2);
    }
    return v;
  }

  private static String first(Map<String, String> a, String k1, String k2, String k3) {
    String v = first(a, k1, k2);
    return v == null ? a.get(k3) : v;
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
