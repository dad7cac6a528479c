package dev.clew.cli;

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
    String route = a.get("http.route");
    if (route != null) {
      out.add(route);
    } else if (a.containsKey("url.path")) {
      out.add(a.get("url.path"));
    }
    String code = first(a, "http.response.status_code", "rpc.grpc.status_code");
    if (code != null) {
      out.add(code);
    }
    String query = first(a, "db.query.text", "db.statement");
    if (query != null) {
      out.add(shorten(query.replaceAll("\\s+", " "), QUERY_MAX));
    }
    String dest = first(a, "messaging.destination.name", "messaging.destination");
    if (dest != null) {
      out.add("destination=" + dest);
    }
    // a server's own address says nothing on its line; the peer of a call does
    boolean outgoing = !"SERVER".equals(s.kind) && !"CONSUMER".equals(s.kind);
    String peer = outgoing ? first(a, "server.address", "network.peer.address", "net.peer.name") : null;
    if (peer != null) {
      String port = first(a, "server.port", "network.peer.port", "net.peer.port");
      out.add("-> " + (port == null ? peer : peer + ":" + port));
    }
    if (s.isError()) {
      String ex = s.exception();
      if (ex != null) {
        out.add(shorten(ex, 80));
      } else if (!s.statusMessage.isEmpty()) {
        out.add(shorten(s.statusMessage, 80));
      } else if (a.containsKey("error.type")) {
        out.add("error.type=" + a.get("error.type"));
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
