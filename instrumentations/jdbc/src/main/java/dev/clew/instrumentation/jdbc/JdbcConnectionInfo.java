package dev.clew.instrumentation.jdbc;

import dev.clew.core.instrument.db.SqlDialect;

/** What a connection's URL tells about the database: system, database name, host and port. Immutable. */
final class JdbcConnectionInfo {
  static final JdbcConnectionInfo UNKNOWN = new JdbcConnectionInfo("other_sql", null, null, -1);

  final String system;
  final String namespace;
  final String host;
  final int port;
  final SqlDialect dialect;

  JdbcConnectionInfo(String system, String namespace, String host, int port) {
    this.system = system;
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    this.host = host == null || host.isEmpty() ? null : host;
    this.port = this.host == null ? -1 : port;
    this.dialect = SqlDialect.forSystem(system);
  }

  @Override
  public String toString() {
    return system + " " + namespace + " " + host + ":" + port;
  }
}
