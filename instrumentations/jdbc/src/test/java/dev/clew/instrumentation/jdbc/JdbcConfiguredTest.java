package dev.clew.instrumentation.jdbc;

import static dev.clew.testing.AgentSpans.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own surefire execution (see the pom) with {@code clew.jdbc.transaction-spans=true},
 * {@code clew.jdbc.db-user.enabled=true}, sanitizing off and {@code clew.jdbc.statement.max-length=30}.
 */
class JdbcConfiguredTest {
  @Test
  void transactionSpansRawTextAndTruncation() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:configured", "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(100))");
      }
      c.setAutoCommit(false);
      AgentSpans.clear();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO orders VALUES (1, 'visible') /* kept */");
        c.commit();
        s.executeUpdate("DELETE FROM orders");
        c.rollback();
      }
    }
    List<Span> spans = AgentSpans.drain();
    assertEquals(List.of("INSERT orders", "COMMIT", "DELETE orders", "ROLLBACK"), AgentSpans.names(spans));
    assertEquals("INSERT INTO orders VALUES (1, ", attribute(spans.get(0), "db.query.text"));
    assertEquals("COMMIT", attribute(spans.get(1), "db.operation.name"));
    assertEquals("h2database", attribute(spans.get(1), "db.system.name"));
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, spans.get(3).getKind());
    assertEquals("SA", attribute(spans.get(0), "db.user"), "the user H2's metadata gives");
    assertEquals(0, AgentSpans.adviceErrors());
  }
}
