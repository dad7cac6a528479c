package dev.clew.instrumentation.jdbc;

import dev.clew.core.instrument.db.SqlDialect;

/**
 * What a connection tells about the database: system, database name, host and port (from its URL), the
 * SQL dialect to sanitize with, and, when asked for, the user. Immutable.
 */
final class JdbcConnectionInfo {
  static final JdbcConnectionInfo UNKNOWN = new JdbcConnectionInfo("other_sql", null, null, -1);

  final String system;
  final String namespace;
  final String host;
  final int port;
  final SqlDialect dialect;
  /** {@code db.user}: null unless {@code clew.jdbc.db-user.enabled} and the driver tells it. */
  final String user;

  JdbcConnectionInfo(String system, String namespace, String host, int port) {
    this(system, namespace, host, port, SqlDialect.forSystem(system), null);
  }

  private JdbcConnectionInfo(String system, String namespace, String host, int port, SqlDialect dialect,
      String user) {
    this.system = system;
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    this.host = host == null || host.isEmpty() ? null : host;
    this.port = this.host == null ? -1 : port;
    this.dialect = dialect;
    this.user = user == null || user.isEmpty() ? null : user;
  }

  /** The same, with the system and dialect the driver's metadata gave (for a URL that named neither). */
  JdbcConnectionInfo withDriverSays(String newSystem, SqlDialect newDialect) {
    return new JdbcConnectionInfo(newSystem, namespace, host, port, newDialect, user);
  }

  JdbcConnectionInfo withUser(String newUser) {
    return new JdbcConnectionInfo(system, namespace, host, port, dialect, newUser);
  }

  @Override
  public String toString() {
    return system + " " + namespace + " " + host + ":" + port + " " + dialect + (user != null ? " " + user : "");
  }
}
