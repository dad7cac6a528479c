package dev.clew.instrumentation.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** H2 behind HikariCP: the pool's proxies wrap every statement, and still one span per execution. */
class H2HikariTest extends H2Test {
  private static HikariDataSource pool;

  @BeforeAll
  static void startPool() {
    pool = HikariPools.start(URL, "sa", "");
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
