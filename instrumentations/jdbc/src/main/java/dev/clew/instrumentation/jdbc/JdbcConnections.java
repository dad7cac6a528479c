package dev.clew.instrumentation.jdbc;

import dev.clew.core.util.WeakIdentityMap;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection metadata, looked up once per connection object (one {@code getMetaData().getURL()}) and
 * parsed once per URL. Connections are held weakly; the URL cache is small and bounded.
 */
final class JdbcConnections {
  private static final int MAX_URLS = 64;

  private final WeakIdentityMap<Connection, JdbcConnectionInfo> byConnection = new WeakIdentityMap<>();
  private final ConcurrentHashMap<String, JdbcConnectionInfo> byUrl = new ConcurrentHashMap<>();

  JdbcConnectionInfo of(Connection connection) {
    if (connection == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    JdbcConnectionInfo info = byConnection.get(connection);
    if (info == null) {
      info = forUrl(urlOf(connection));
      byConnection.put(connection, info);
    }
    return info;
  }

  private JdbcConnectionInfo forUrl(String url) {
    if (url == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    JdbcConnectionInfo info = byUrl.get(url);
    if (info == null) {
      info = JdbcUrlParser.parse(url);
      if (byUrl.size() >= MAX_URLS) {
        byUrl.clear();
      }
      byUrl.put(url, info);
    }
    return info;
  }

  /** The URL the driver reports; null when the connection cannot tell (closed, broken driver). */
  private static String urlOf(Connection connection) {
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      return metaData == null ? null : metaData.getURL();
    } catch (Throwable t) {
      return null;
    }
  }

  int size() {
    return byConnection.size();
  }
}
