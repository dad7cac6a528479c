package dev.clew.core.instrument.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlEchoRedactorTest {
  private final SqlSanitizer sanitizer = new SqlSanitizer(true, SqlSanitizer.DEFAULT_MAX_LENGTH);

  private String redact(String text, String sql, SqlDialect dialect) {
    return SqlEchoRedactor.redact(text, sql, sanitizer.sanitize(sql, dialect).text(), dialect);
  }

  @Test
  void aStatementEchoedAsWrittenBecomesItsSanitizedText() {
    String sql = "SELECT *  FROM users /* by login */ WHERE login = 'bob' AND password = 'hunter9'";
    String message = "Syntax error in SQL statement \"" + sql + "\"; expected \"identifier\"";
    assertEquals("Syntax error in SQL statement \"SELECT * FROM users WHERE login = ? AND password = ?\"; "
        + "expected \"identifier\"", redact(message, sql, SqlDialect.STANDARD));
  }

  @Test
  void aStatementWithAMarkerInsideLosesItsLiterals() {
    String sql = "SELECT * FROM users WHERE password = 'hunter9' AND pin = 4711";
    String message = "Table \"USERS\" not found; SQL statement:\n"
        + "SELECT * FROM users[*] WHERE password = 'hunter9' AND pin = 4711 [42102-240]";
    assertEquals("Table \"USERS\" not found; SQL statement:\n"
        + "SELECT * FROM users[*] WHERE password = ? AND pin = ? [42102-240]", redact(message, sql, SqlDialect.STANDARD));
  }

  @Test
  void boundValuesADriverPutInPlaceOfPlaceholdersAreReplaced() {
    String sql = "INSERT INTO orders (id, note) VALUES (?, ?)";
    String message = "Batch entry 0 INSERT INTO orders (id, note) VALUES (7, 'hunter9, the code') was aborted: "
        + "ERROR: duplicate key value violates unique constraint";
    assertEquals("Batch entry 0 INSERT INTO orders (id, note) VALUES (?, ?) was aborted: "
        + "ERROR: duplicate key value violates unique constraint", redact(message, sql, SqlDialect.POSTGRESQL));
    String trailing = "SELECT * FROM t WHERE login = ?";
    assertEquals("failed: SELECT * FROM t WHERE login = ? (timeout)",
        redact("failed: SELECT * FROM t WHERE login = 'it''s bob' (timeout)", trailing, SqlDialect.POSTGRESQL));
  }

  @Test
  void aQuotedValueIsFoundByItsContentToo() {
    String sql = "SELECT * FROM orders WHERE id = 'hunter9'";
    String message = "ERROR: invalid input syntax for type integer: \"hunter9\"\n  Position: 33";
    assertEquals("ERROR: invalid input syntax for type integer: \"?\"\n  Position: 33",
        redact(message, sql, SqlDialect.POSTGRESQL));
    String mysql = "UPDATE t SET n = 'it\\'s a secret' WHERE id = 1";
    assertEquals("Incorrect integer value: '?' for column 'n'",
        redact("Incorrect integer value: 'it's a secret' for column 'n'", mysql, SqlDialect.MYSQL));
    String oracle = "SELECT q'{s3cr3t's}' FROM dual";
    assertEquals("ORA-00904: \"?\": invalid identifier", redact("ORA-00904: \"s3cr3t's\": invalid identifier", oracle,
        SqlDialect.STANDARD));
    // a driver that splits the literal its own way still shows no word of it
    assertEquals("ERROR: syntax error at or near \"'{?'\"", redact("ERROR: syntax error at or near \"'{s3cr3t'\"",
        oracle, SqlDialect.POSTGRESQL));
  }

  @Test
  void framesOfAStackTraceAreLeftAlone() {
    String sql = "SELECT * FROM t WHERE id = 7 AND pin = 4711";
    String trace = "org.h2.jdbc.JdbcSQLSyntaxErrorException: Column \"PIN\" not found; SQL statement:\n"
        + "SELECT * FROM t WHERE id = 7 AND pin[*] = 4711 [42122-240]\n"
        + "\tat org.h2.message.DbException.getJdbcSQLException(DbException.java:7)\n"
        + "\tat com.acme.Repo.find(Repo.java:4711)\n"
        + "\t... 7 more\n";
    String redacted = redact(trace, sql, SqlDialect.STANDARD);
    assertTrue(redacted.contains("SELECT * FROM t WHERE id = ? AND pin[*] = ? [42122-240]\n"), redacted);
    assertTrue(redacted.contains("(DbException.java:7)\n\tat com.acme.Repo.find(Repo.java:4711)\n\t... 7 more\n"),
        redacted);
  }

  @Test
  void aStatementNeverReachesAcrossFrames() {
    String sql = "INSERT INTO t VALUES (?) RETURNING id";
    String trace = "java.sql.SQLException: INSERT INTO t VALUES (5\n"
        + "\tat com.acme.Repo.save(Repo.java:12)\n"
        + "Caused by: x) RETURNING id\n";
    assertTrue(redact(trace, sql, SqlDialect.STANDARD).contains("\tat com.acme.Repo.save(Repo.java:12)\n"));
  }

  @Test
  void valuesMatchOnlyAsWholeWordsAndShortContentOnlyQuoted() {
    String sql = "SELECT * FROM orders WHERE code = 'ord' AND n = 42 AND c = 'ab'";
    assertEquals("orders x42 ?, ab but ?", redact("orders x42 42, ab but 'ab'", sql, SqlDialect.STANDARD));
    // content of three characters or more: found as a whole word too
    assertEquals("column ? of ?", redact("column 'ord' of ord", "SELECT 'ord' FROM t", SqlDialect.STANDARD));
  }

  @Test
  void nothingToFindLeavesTheTextAsItIs() {
    String message = "connection reset";
    assertSame(message, redact(message, "SELECT * FROM t WHERE a = 'x'", SqlDialect.STANDARD));
    assertNull(SqlEchoRedactor.redact(null, "SELECT 1", "SELECT ?", SqlDialect.STANDARD));
    assertEquals("", SqlEchoRedactor.redact("", "SELECT 1", "SELECT ?", SqlDialect.STANDARD));
    assertEquals("x", SqlEchoRedactor.redact("x", null, null, null));
    assertFalse(redact("TRUE is not FALSE", "SELECT TRUE, FALSE", SqlDialect.STANDARD).contains("?"));
  }
}
