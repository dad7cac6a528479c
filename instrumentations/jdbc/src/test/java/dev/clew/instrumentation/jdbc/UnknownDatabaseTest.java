package dev.clew.instrumentation.jdbc;

import static dev.clew.instrumentation.jdbc.AbstractJdbcSuite.assertNoText;
import static dev.clew.testing.AgentSpans.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clew.testing.AgentSpans;
import dev.clew.testing.jdbc.ForwardingDriver;
import io.opentelemetry.proto.trace.v1.Span;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A driver whose scheme clew does not know ({@link ForwardingDriver}, over a real H2 database): the dialect
 * reads {@code "..."} as a string unless the driver says otherwise, through its product name or its
 * identifier quote, asked once per URL.
 */
class UnknownDatabaseTest {
  private static final String TARGET = "jdbc:h2:mem:forwarded;DB_CLOSE_DELAY=-1";
  private static Connection keepAlive;

  @BeforeAll
  static void createSchema() throws SQLException {
    ForwardingDriver.register();
    keepAlive = DriverManager.getConnection(TARGET, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(100))");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    keepAlive.close();
  }

  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceFailed() {
    assertEquals(0, AgentSpans.adviceErrors(), "advice errors");
  }

  /** The one span of a query on a new connection to {@code url}; {@code fails}: the database rejects it. */
  private static Span query(String url, String sql, boolean fails) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      AgentSpans.clear();
      if (fails) {
        assertThrows(SQLException.class, () -> s.executeQuery(sql));
      } else {
        s.executeQuery(sql).close();
      }
    }
    return AbstractJdbcSuite.onlySpan();
  }

  @Test
  void anUnknownEngineReadsDoubleQuotesAsStrings() throws Exception {
    String url = ForwardingDriver.url("jdbc:forward://bob:S3cr3t@tidb.local:4000/shop", "TiDB", "none", TARGET);
    Span span = query(url, "SELECT id FROM orders WHERE note = \"hunter9\" AND id = 'it\\'s'", true);
    assertEquals("other_sql", attribute(span, "db.system.name"));
    assertEquals("shop", attribute(span, "db.namespace"));
    assertEquals("tidb.local", attribute(span, "server.address"));
    assertEquals(4000L, attribute(span, "server.port"));
    assertEquals("SELECT id FROM orders WHERE note = ? AND id = ?", attribute(span, "db.query.text"));
    assertNoText(span, "hunter9");
    assertNoText(span, "S3cr3t");
    assertNoText(span, "bob");
  }

  @Test
  void aBacktickQuoteKeepsTheMySqlReading() throws Exception {
    String url = ForwardingDriver.url("jdbc:forward://tidb.local/shop", "TiDB", "`", TARGET);
    Span span = query(url, "SELECT `id` FROM orders WHERE note = \"hunter9\"", true);
    assertEquals("SELECT `id` FROM orders WHERE note = ?", attribute(span, "db.query.text"));
    assertNoText(span, "hunter9");
  }

  @Test
  void aDoubleQuoteIdentifierQuoteKeepsDoubleQuotedNames() throws Exception {
    String url = ForwardingDriver.url("jdbc:forward://ansi.local/shop", "AnsiDB", "\"", TARGET);
    Span span = query(url, "SELECT \"ID\" FROM \"ORDERS\" WHERE note = 'hunter9'", false);
    assertEquals("other_sql", attribute(span, "db.system.name"));
    assertEquals("SELECT \"ID\" FROM \"ORDERS\" WHERE note = ?", attribute(span, "db.query.text"));
    assertEquals("SELECT \"ORDERS\"", span.getName());
  }

  @Test
  void aProductTheAgentKnowsNamesTheSystem() throws Exception {
    String url = ForwardingDriver.url("jdbc:forward://mysql.local/shop", "MySQL", "`", TARGET);
    Span span = query(url, "SELECT id FROM orders WHERE note = 'x'", false);
    assertEquals("mysql", attribute(span, "db.system.name"));
    assertEquals("mysql.local", attribute(span, "server.address"));
    assertEquals(null, attribute(span, "server.port"), "the URL gave none");
  }

  @Test
  void theDriverIsAskedOncePerUrlNotPerStatement() throws Exception {
    String url = ForwardingDriver.url("jdbc:forward://once.local/shop", "OnceDB", "\"", TARGET);
    int before = ForwardingDriver.productNameCalls();
    for (int connection = 0; connection < 3; connection++) {
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        for (int i = 0; i < 3; i++) {
          s.executeQuery("SELECT id FROM orders").close();
        }
      }
    }
    List<Span> spans = AgentSpans.drain();
    assertEquals(9, spans.size());
    assertEquals(1, ForwardingDriver.productNameCalls() - before);
  }
}
