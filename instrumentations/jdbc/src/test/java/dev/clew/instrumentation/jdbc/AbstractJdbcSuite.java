package dev.clew.instrumentation.jdbc;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.jdbc.TracedWork;
import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every JDBC setup (driver, with or without a pool) must show: one CLIENT span per execution, named
 * and described by the database conventions, with sanitized query text. Subclasses say how to connect
 * and what the connection's attributes are.
 */
abstract class AbstractJdbcSuite {
  /** A new connection (from the pool, if the subclass has one); closed by the test. */
  abstract Connection connect() throws SQLException;

  abstract String system();

  abstract String namespace();

  /** Null for embedded databases. */
  abstract String serverAddress();

  abstract Long serverPort();

  /** Package of the driver's exceptions. */
  abstract String driverPackage();

  /** The SQLState the driver reports for a missing table. */
  abstract String missingTableState();

  /** SQL creating {@code add_one(int) -> int} as something {@code {? = call add_one(?)}} can call. */
  abstract String createAddOneFunction();

  /** Whether the driver's message for a failed batch shows the values bound to the failing entry. */
  abstract boolean batchErrorsShowBoundValues();

  @BeforeEach
  void createSchema() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS orders");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(100))");
      s.execute(createAddOneFunction());
    }
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceFailed() {
    assertEquals(0, AgentSpans.adviceErrors(), "advice errors");
  }

  /** The spans finished since the last call; fails unless there is exactly one. */
  static Span onlySpan() {
    List<Span> spans = AgentSpans.drain();
    assertEquals(1, spans.size(), () -> "expected exactly one span, got " + AgentSpans.names(spans));
    return spans.get(0);
  }

  void assertConnectionAttributes(Span span) {
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
    assertEquals(system(), attribute(span, "db.system.name"));
    assertEquals(namespace(), attribute(span, "db.namespace"));
    assertEquals(serverAddress(), attribute(span, "server.address"));
    assertEquals(serverPort(), attribute(span, "server.port"));
  }

  @Test
  void statementExecutionIsOneClientSpanWithSanitizedText() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      AgentSpans.clear();
      try (ResultSet rs = s.executeQuery("SELECT id, note FROM orders WHERE note = 'secret note' AND id > 41")) {
        rs.next();
      }
    }
    Span span = onlySpan();
    assertEquals("SELECT orders", span.getName());
    assertConnectionAttributes(span);
    assertEquals("SELECT id, note FROM orders WHERE note = ? AND id > ?", attribute(span, "db.query.text"));
    assertEquals("SELECT", attribute(span, "db.operation.name"));
    assertEquals("orders", attribute(span, "db.collection.name"));
    assertNull(attribute(span, "db.operation.batch.size"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.getStatus().getCode());
    assertNull(attribute(span, "db.user"), "db.user is opt-in");
  }

  @Test
  void everyStatementMethodIsTraced() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      AgentSpans.clear();
      assertEquals(1, s.executeUpdate("INSERT INTO orders VALUES (1, 'a')"));
      assertTrue(s.execute("SELECT note FROM orders"));
      assertEquals(1L, s.executeLargeUpdate("UPDATE orders SET note = 'b' WHERE id = 1"));
    }
    List<Span> spans = AgentSpans.drain();
    assertEquals(List.of("INSERT orders", "SELECT orders", "UPDATE orders"), AgentSpans.names(spans));
    assertEquals("UPDATE orders SET note = ? WHERE id = ?", attribute(spans.get(2), "db.query.text"));
  }

  @Test
  void preparedStatementRemembersItsSql() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note) VALUES (?, ?)")) {
      ps.setInt(1, 7);
      ps.setString(2, "parameter values never reach the span");
      AgentSpans.clear();
      assertEquals(1, ps.executeUpdate());
    }
    Span span = onlySpan();
    assertEquals("INSERT orders", span.getName());
    assertConnectionAttributes(span);
    assertEquals("INSERT INTO orders (id, note) VALUES (?, ?)", attribute(span, "db.query.text"));
    assertEquals("INSERT", attribute(span, "db.operation.name"));
  }

  @Test
  void preparedQueryWithInlinedLiteralsIsSanitized() throws Exception {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM orders WHERE id IN (1, 2, 3) AND note <> 'x'")) {
      AgentSpans.clear();
      ps.executeQuery().close();
    }
    assertEquals("SELECT * FROM orders WHERE id IN (?) AND note <> ?", attribute(onlySpan(), "db.query.text"));
  }

  @Test
  void callableStatementNamesTheProcedure() throws Exception {
    try (Connection c = connect(); CallableStatement cs = c.prepareCall("{? = call add_one(?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setInt(2, 41);
      AgentSpans.clear();
      cs.execute();
      assertEquals(42, cs.getInt(1));
    }
    Span span = onlySpan();
    assertEquals("CALL add_one", span.getName());
    assertConnectionAttributes(span);
    assertEquals("{? = call add_one(?)}", attribute(span, "db.query.text"));
    assertEquals("CALL", attribute(span, "db.operation.name"));
    assertEquals("add_one", attribute(span, "db.stored_procedure.name"));
  }

  @Test
  void preparedBatchIsOneSpanWithItsSize() throws Exception {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, 100 + i);
        ps.setString(2, "n" + i);
        ps.addBatch();
      }
      AgentSpans.clear();
      assertEquals(3, ps.executeBatch().length);
      ps.setInt(1, 200);
      ps.setString(2, "single");
      ps.addBatch();
      ps.executeBatch();
    }
    List<Span> spans = AgentSpans.drain();
    assertEquals(List.of("BATCH INSERT orders", "INSERT orders"), AgentSpans.names(spans), "a batch of one is no batch");
    Span batch = spans.get(0);
    assertConnectionAttributes(batch);
    assertEquals(3L, attribute(batch, "db.operation.batch.size"));
    assertEquals("BATCH INSERT", attribute(batch, "db.operation.name"));
    assertEquals("orders", attribute(batch, "db.collection.name"));
    assertEquals("INSERT INTO orders VALUES (?, ?)", attribute(batch, "db.query.text"));
    assertNull(attribute(spans.get(1), "db.operation.batch.size"));
  }

  @Test
  void statementBatchJoinsItsStatements() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO orders VALUES (1, 'one')");
      s.addBatch("DELETE FROM orders WHERE note = 'one'");
      AgentSpans.clear();
      s.executeBatch();
    }
    Span span = onlySpan();
    assertEquals("BATCH", span.getName());
    assertEquals("BATCH", attribute(span, "db.operation.name"));
    assertEquals("orders", attribute(span, "db.collection.name"));
    assertEquals(2L, attribute(span, "db.operation.batch.size"));
    assertEquals("INSERT INTO orders VALUES (?, ?); DELETE FROM orders WHERE note = ?", attribute(span, "db.query.text"));
  }

  @Test
  void errorReachesTheApplicationUnchangedAndMarksTheSpan() throws Exception {
    SQLException thrown = failingQuery("SELECT * FROM missing_table");
    assertTrue(thrown.getClass().getName().startsWith(driverPackage()), thrown.getClass().getName());
    assertEquals(missingTableState(), thrown.getSQLState());
    Span span = onlySpan();
    assertEquals("SELECT missing_table", span.getName());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertEquals(thrown.getClass().getName(), attribute(span, "error.type"));
    assertEquals(thrown.getSQLState(), attribute(span, "db.response.status_code"));
    assertEquals("exception", span.getEvents(0).getName());
    Map<String, Object> event = AgentSpans.attributes(span.getEvents(0).getAttributesList());
    assertEquals(thrown.getClass().getName(), event.get("exception.type"));
    assertEquals(thrown.getMessage(), event.get("exception.message"), "nothing to take out of this one");
    assertEquals(thrown.getMessage(), span.getStatus().getMessage());
    assertEquals("SELECT * FROM missing_table", attribute(span, "db.query.text"));
  }

  @Test
  void aDriverMessageThatEchoesTheStatementLosesItsLiterals() throws Exception {
    SQLException thrown = failingQuery("SELECT * FROM orders WHERE id = 'hunter9' AND note = 'pin 4711'");
    assertTrue(thrown.getMessage().contains("hunter9"), () -> "the driver echoes the value: " + thrown.getMessage());
    Span span = onlySpan();
    assertNoText(span, "hunter9");
    assertNoText(span, "4711");
    Map<String, Object> event = AgentSpans.attributes(span.getEvents(0).getAttributesList());
    assertEquals(thrown.getClass().getName(), event.get("exception.type"));
    assertEquals(event.get("exception.message"), span.getStatus().getMessage());
    String stackTrace = (String) event.get("exception.stacktrace");
    assertTrue(stackTrace.startsWith(thrown.getClass().getName() + ": "), stackTrace);
    assertTrue(stackTrace.contains("\tat " + AbstractJdbcSuite.class.getName()), "frames are kept: " + stackTrace);
  }

  @Test
  void aFailedBatchLosesTheValuesTheDriverShows() throws Exception {
    BatchUpdateException thrown;
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO orders VALUES (1, 'existing')"); // rows the database may quote are not ours
      }
      for (int id = 2; id >= 1; id--) { // the second entry hits the existing key
        ps.setInt(1, id);
        ps.setString(2, "note " + id + " hunter9");
        ps.addBatch();
      }
      AgentSpans.clear();
      thrown = assertThrows(BatchUpdateException.class, ps::executeBatch);
    }
    assertEquals(batchErrorsShowBoundValues(), thrown.getMessage().contains("hunter9"), thrown::getMessage);
    Span span = onlySpan();
    assertEquals("BATCH INSERT orders", span.getName());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertNoText(span, "hunter9");
  }

  @Test
  void oracleQuotedLiteralsNeverReachTheSpan() throws Exception {
    SQLException thrown = failingQuery("SELECT q'{hunter9's}' FROM orders");
    Span span = onlySpan();
    assertEquals("SELECT ? FROM orders", attribute(span, "db.query.text"));
    assertNoText(span, "hunter9");
    assertTrue(thrown.getMessage() != null, "the driver rejected it");
  }

  @Test
  void ddlIsNamedByItsOperationAndTable() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS audit");
      AgentSpans.clear();
      s.execute("CREATE INDEX idx_orders_note ON orders (note)");
      s.execute("DROP INDEX idx_orders_note");
      s.execute("CREATE TABLE audit (id INT)");
      s.execute("ALTER TABLE audit ADD note VARCHAR(10)");
      s.execute("DROP TABLE audit");
    }
    List<Span> spans = AgentSpans.drain();
    assertEquals(List.of("CREATE INDEX orders", "DROP INDEX", "CREATE TABLE audit", "ALTER TABLE audit",
        "DROP TABLE audit"), AgentSpans.names(spans));
    assertEquals("CREATE INDEX", attribute(spans.get(0), "db.operation.name"));
    assertEquals("orders", attribute(spans.get(0), "db.collection.name"));
    assertEquals("DROP INDEX", attribute(spans.get(1), "db.operation.name"));
    assertNull(attribute(spans.get(1), "db.collection.name"));
  }

  /** Runs a query the database rejects, on a fresh connection, with no span recorded before it. */
  SQLException failingQuery(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      AgentSpans.clear();
      return assertThrows(SQLException.class, () -> s.executeQuery(sql));
    }
  }

  /** Every text the span carries: string attributes, event attributes and the status message. */
  static List<String> texts(Span span) {
    List<String> texts = new ArrayList<>();
    texts.add(span.getName());
    texts.add(span.getStatus().getMessage());
    for (Object value : AgentSpans.attributes(span.getAttributesList()).values()) {
      texts.add(String.valueOf(value));
    }
    for (Span.Event event : span.getEventsList()) {
      for (Object value : AgentSpans.attributes(event.getAttributesList()).values()) {
        texts.add(String.valueOf(value));
      }
    }
    return texts;
  }

  static void assertNoText(Span span, String secret) {
    for (String text : texts(span)) {
      assertFalse(text.contains(secret), () -> "'" + secret + "' in " + text);
    }
  }

  @Test
  void jdbcSpansAreChildrenOfTheCurrentSpan() throws Exception {
    try (Connection c = connect()) {
      AgentSpans.clear();
      TracedWork.run(() -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("INSERT INTO orders VALUES (5, 'x')");
          s.executeQuery("SELECT * FROM orders").close();
        }
      });
    }
    List<Span> spans = AgentSpans.drain();
    Span parent = AgentSpans.span(spans, "TracedWork.run");
    Span insert = AgentSpans.span(spans, "INSERT orders");
    Span select = AgentSpans.span(spans, "SELECT orders");
    assertEquals(3, spans.size(), () -> AgentSpans.names(spans).toString());
    assertTrue(isChildOf(insert, parent));
    assertTrue(isChildOf(select, parent));
  }
}
