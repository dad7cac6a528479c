package dev.clew.instrumentation.kafka;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * What a producer or consumer says about itself on every span: client id, consumer group and the first
 * bootstrap server. Captured once when the client is built (from its config, which also holds the
 * generated client id in newer clients) and looked up by client instance.
 */
final class KafkaClientInfo {
  static final KafkaClientInfo UNKNOWN = new KafkaClientInfo(null, null, null, -1);
  private static final Map<Object, KafkaClientInfo> CLIENTS =
      Collections.synchronizedMap(new WeakHashMap<Object, KafkaClientInfo>());

  final String clientId;
  final String groupId;
  final String serverAddress;
  final int serverPort;

  private KafkaClientInfo(String clientId, String groupId, String serverAddress, int serverPort) {
    this.clientId = clientId;
    this.groupId = groupId;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }

  static KafkaClientInfo of(Object client) {
    KafkaClientInfo info = client == null ? null : CLIENTS.get(client);
    return info == null ? UNKNOWN : info;
  }

  static void register(Object client, AbstractConfig config) {
    String clientId = emptyToNull(string(config, "client.id"));
    if (clientId == null) {
      clientId = emptyToNull(clientIdField(client)); // older clients generate it without writing it back
    }
    String server = null;
    int port = -1;
    List<String> servers = config.getList("bootstrap.servers");
    if (servers != null && !servers.isEmpty()) {
      String first = servers.get(0).trim();
      int colon = first.lastIndexOf(':');
      server = colon > 0 ? first.substring(0, colon) : first;
      if (server.startsWith("[") && server.endsWith("]")) {
        server = server.substring(1, server.length() - 1);
      }
      if (colon > 0) {
        try {
          port = Integer.parseInt(first.substring(colon + 1));
        } catch (NumberFormatException ignored) {
          port = -1;
        }
      }
    }
    CLIENTS.put(client, new KafkaClientInfo(clientId, emptyToNull(string(config, "group.id")), server, port));
  }

  private static String string(AbstractConfig config, String key) {
    Object v = config.values().get(key);
    return v instanceof String ? (String) v : null;
  }

  private static String clientIdField(Object client) {
    try {
      Field f = client.getClass().getDeclaredField("clientId");
      f.setAccessible(true);
      Object v = f.get(client);
      return v instanceof String ? (String) v : null;
    } catch (Throwable t) {
      return null;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
