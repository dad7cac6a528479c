package dev.clew.instrumentation.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  /**
   * HikariCP hands out a new proxy per borrow: the connection metadata is kept per pooled connection (what
   * the proxy unwraps to), not per proxy, so borrowing does not grow the cache and each span still has it.
   */
  @Test
  void connectionInfoIsKeptPerPooledConnectionNotPerBorrow() throws Exception {
    int before = StatementLeakTest.agentCount("trackedConnections");
    for (int i = 0; i < 200; i++) {
      try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE id = ?")) {
        ps.setInt(1, i);
        ps.executeQuery().close();
      }
    }
    int after = StatementLeakTest.agentCount("trackedConnections");
    assertTrue(after - before <= 2, "connections tracked grew by " + (after - before) + " over 200 borrows");
    List<Span> spans = AgentSpans.drain();
    assertEquals(200, spans.size());
    for (Span span : spans) {
      assertConnectionAttributes(span);
    }
  }
}
