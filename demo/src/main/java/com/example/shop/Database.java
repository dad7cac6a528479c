package com.example.shop;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** An in-memory H2 database with a connection pool, created from a script on the class path. */
final class Database {
  private final JdbcConnectionPool pool;

  Database(String name, String script) {
    // the script runs inside H2 when the first connection opens: the data is there before any request
    pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:"
        + script + "'", "sa", "");
    pool.setMaxConnections(8);
  }

  DataSource dataSource() {
    return pool;
  }

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  void close() {
    pool.dispose();
  }
}
