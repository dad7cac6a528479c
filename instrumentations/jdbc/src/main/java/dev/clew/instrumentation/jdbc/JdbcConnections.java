package dev.clew.instrumentation.jdbc;

import dev.clew.core.instrument.db.SqlDialect;
import dev.clew.core.util.WeakIdentityMap;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connection metadata, looked up once per physical connection (one {@code getMetaData().getURL()}, plus
 * {@code getUserName()} with {@code clew.jdbc.db-user.enabled}) and parsed once per URL. A pool hands out a
 * new proxy per borrow (HikariCP), so the cache is keyed by what {@code unwrap(Connection.class)} returns:
 * the pool's connection to the database, the same object borrow after borrow; a connection that cannot
 * unwrap is its own key (remembered per class, so a driver that throws does so once). A URL whose scheme
 * names no known system is completed once from the driver: {@code getDatabaseProductName()} names the
 * system, else {@code getIdentifierQuoteString()} tells whether {@code "..."} is an identifier. Connections
 * are held weakly; the URL cache is small and bounded.
 */
final class JdbcConnections {
  private static final int MAX_URLS = 64;

  private final WeakIdentityMap<Connection, JdbcConnectionInfo> byConnection = new WeakIdentityMap<>();
  private final ConcurrentHashMap<String, JdbcConnectionInfo> byUrl = new ConcurrentHashMap<>();
  private static final ClassValue<AtomicBoolean> CANNOT_UNWRAP = new ClassValue<AtomicBoolean>() {
    @Override
    protected AtomicBoolean computeValue(Class<?> type) {
      return new AtomicBoolean();
    }
  };
  private volatile boolean captureUser;

  void captureUser(boolean enabled) {
    captureUser = enabled;
  }

  JdbcConnectionInfo of(Connection connection) {
    if (connection == null) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    Connection key = physical(connection);
    JdbcConnectionInfo info = byConnection.get(key);
    if (info == null) {
      DatabaseMetaData metaData = metaDataOf(connection);
      info = forUrl(metaData);
      if (captureUser && metaData != null) {
        info = info.withUser(userOf(metaData));
      }
      byConnection.put(key, info);
    }
    return info;
  }

  /** The connection a wrapper or pool proxy delegates to, else the connection itself. */
  private static Connection physical(Connection connection) {
    AtomicBoolean cannot = CANNOT_UNWRAP.get(connection.getClass());
    if (cannot.get()) {
      return connection;
    }
    try {
      Connection unwrapped = connection.unwrap(Connection.class);
      return unwrapped != null ? unwrapped : connection;
    } catch (Throwable t) { // JDBC 3 driver, or a wrapper that refuses
      cannot.set(true);
      return connection;
    }
  }

  private JdbcConnectionInfo forUrl(DatabaseMetaData metaData) {
    String url = urlOf(metaData);
    if (url == null) {
      return metaData == null ? JdbcConnectionInfo.UNKNOWN : completed(JdbcConnectionInfo.UNKNOWN, metaData);
    }
    JdbcConnectionInfo info = byUrl.get(url);
    if (info == null) {
      info = completed(JdbcUrlParser.parse(url), metaData);
      if (byUrl.size() >= MAX_URLS) {
        byUrl.clear();
      }
      byUrl.put(url, info);
    }
    return info;
  }

  /** A URL that named no system: what the driver says (its product, else its identifier quote). */
  private static JdbcConnectionInfo completed(JdbcConnectionInfo parsed, DatabaseMetaData metaData) {
    if (!"other_sql".equals(parsed.system)) {
      return parsed;
    }
    String system;
    try {
      system = DatabaseProducts.system(metaData.getDatabaseProductName());
    } catch (Throwable t) {
      system = null;
    }
    if (system != null) {
      return parsed.withDriverSays(system, SqlDialect.forSystem(system));
    }
    String quote;
    try {
      quote = metaData.getIdentifierQuoteString();
    } catch (Throwable t) {
      quote = null;
    }
    if ("\"".equals(quote)) {
      return parsed.withDriverSays(parsed.system, SqlDialect.STANDARD);
    }
    return "`".equals(quote) ? parsed.withDriverSays(parsed.system, SqlDialect.MYSQL) : parsed;
  }

  /** Null when the connection cannot tell (closed, broken driver). */
  private static DatabaseMetaData metaDataOf(Connection connection) {
    try {
      return connection.getMetaData();
    } catch (Throwable t) {
      return null;
    }
  }

  private static String urlOf(DatabaseMetaData metaData) {
    try {
      return metaData == null ? null : metaData.getURL();
    } catch (Throwable t) {
      return null;
    }
  }

  private static String userOf(DatabaseMetaData metaData) {
    try {
      return metaData.getUserName();
    } catch (Throwable t) {
      return null;
    }
  }

  int size() {
    return byConnection.size();
  }
}
