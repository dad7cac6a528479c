package dev.clew.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent remembers about one statement object: the SQL it was prepared with and the batch
 * being built. Statements are used by one thread at a time (JDBC's contract), so plain fields suffice.
 */
final class JdbcStatementState {
  /** SQL given to {@code prepareStatement}/{@code prepareCall}; null for a plain {@code Statement}. */
  final String preparedSql;
  /** The connection's metadata, from the first execution on: a statement keeps its connection. */
  JdbcConnectionInfo info;
  int batchSize;
  /** SQL of {@code Statement.addBatch(String)} calls, in order; null until the first. */
  List<String> batchSql;

  JdbcStatementState(String preparedSql) {
    this.preparedSql = preparedSql;
  }

  void addBatch(String sql) {
    batchSize++;
    if (sql != null) {
      if (batchSql == null) {
        batchSql = new ArrayList<>();
      }
      batchSql.add(sql);
    }
  }

  /** JDBC empties the batch when it is executed or cleared. */
  void clearBatch() {
    batchSize = 0;
    batchSql = null;
  }
}
