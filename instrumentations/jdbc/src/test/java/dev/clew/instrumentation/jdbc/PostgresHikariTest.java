package dev.clew.instrumentation.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** PostgreSQL behind HikariCP. */
class PostgresHikariTest extends PostgresTest {
  private static HikariDataSource pool;

  @BeforeAll
  static void startPool() {
    pool = HikariPools.start(url(), "postgres", "postgres");
  }

  @AfterAll
  static void stopPool() {
    pool.close();
  }

  @Override
  Connection connect() throws SQLException {
    return pool.getConnection();
  }
}
