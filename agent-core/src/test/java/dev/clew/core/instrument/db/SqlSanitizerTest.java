package dev.clew.core.instrument.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSanitizerTest {
  private final SqlSanitizer sanitizer = new SqlSanitizer(true, SqlSanitizer.DEFAULT_MAX_LENGTH);

  static Stream<Arguments> trickySql() {
    SqlDialect std = SqlDialect.STANDARD;
    SqlDialect my = SqlDialect.MYSQL;
    SqlDialect pg = SqlDialect.POSTGRESQL;
    SqlDialect ms = SqlDialect.SQLSERVER;
    return Stream.of(
        // dialect, input, expected text, operation, collection
        Arguments.of(std, "SELECT * FROM orders WHERE id = 42", "SELECT * FROM orders WHERE id = ?", "SELECT", "orders"),
        Arguments.of(std, "SELECT name FROM users WHERE name = 'O''Brien' AND age > 30",
            "SELECT name FROM users WHERE name = ? AND age > ?", "SELECT", "users"),
        Arguments.of(my, "SELECT * FROM t WHERE a = 'it\\'s' AND b = \"say \\\"hi\\\"\"",
            "SELECT * FROM t WHERE a = ? AND b = ?", "SELECT", "t"),
        Arguments.of(std, "SELECT 'C:\\', col FROM t WHERE x = 'y'", "SELECT ?, col FROM t WHERE x = ?", "SELECT", "t"),
        Arguments.of(pg, "SELECT E'it\\'s', 'plain\\' FROM t", "SELECT ?, ? FROM t", "SELECT", "t"),
        Arguments.of(std, "SELECT a -- it's a comment\nFROM t WHERE b = 1", "SELECT a FROM t WHERE b = ?", "SELECT", "t"),
        Arguments.of(std, "/* user's query */ SELECT a FROM t /* ' */ WHERE b = 'x'", "SELECT a FROM t WHERE b = ?",
            "SELECT", "t"),
        Arguments.of(std, "SELECT '-- not a comment', '/* nor this */' FROM t", "SELECT ?, ? FROM t", "SELECT", "t"),
        Arguments.of(pg, "SELECT /* a /* nested 'q */ still comment */ x FROM t", "SELECT x FROM t", "SELECT", "t"),
        Arguments.of(my, "SELECT a FROM t # owner's note 'x'\nWHERE b = 2", "SELECT a FROM t WHERE b = ?", "SELECT", "t"),
        Arguments.of(pg, "SELECT $$it's $ money$$, $tag$ a $$ b 'c $tag$ FROM t WHERE c = $1",
            "SELECT ?, ? FROM t WHERE c = $1", "SELECT", "t"),
        Arguments.of(std, "SELECT col_2, t1.c3 FROM t1 WHERE x9 = 9 AND y = 1.5e10 AND z = -.5 AND w = 3.",
            "SELECT col_2, t1.c3 FROM t1 WHERE x9 = ? AND y = ? AND z = -? AND w = ?", "SELECT", "t1"),
        Arguments.of(std, "SELECT * FROM t WHERE h = 0xFF OR h = X'0A1B' OR b = B'0101' OR n = 0b1010",
            "SELECT * FROM t WHERE h = ? OR h = ? OR b = ? OR n = ?", "SELECT", "t"),
        Arguments.of(std, "UPDATE t SET active = TRUE, deleted = false WHERE id = 7",
            "UPDATE t SET active = ?, deleted = ? WHERE id = ?", "UPDATE", "t"),
        Arguments.of(std, "SELECT * FROM café WHERE nom = 'Zoë ☕ 😀' AND ville = N'東京'",
            "SELECT * FROM café WHERE nom = ? AND ville = ?", "SELECT", "café"),
        Arguments.of(std, "INSERT INTO a VALUES (1); DELETE FROM b WHERE c = 'x'",
            "INSERT INTO a VALUES (?); DELETE FROM b WHERE c = ?", null, null),
        Arguments.of(std, "SELECT 1 FROM dual;", "SELECT ? FROM dual;", "SELECT", "dual"),
        Arguments.of(std, "SELECT * FROM t WHERE id IN (1, 2, 3) AND s IN ('a','b') AND p IN (?, ?, ?) AND q NOT IN(-1)",
            "SELECT * FROM t WHERE id IN (?) AND s IN (?) AND p IN (?) AND q NOT IN(?)", "SELECT", "t"),
        Arguments.of(std, "select * from Orders where id in ( 1 , 2 )", "select * from Orders where id in (?)", "SELECT",
            "Orders"),
        Arguments.of(std, "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = 5)",
            "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)", "SELECT", "t"),
        Arguments.of(std, "SELECT \"Weird \"\"Name\"\"\" FROM \"My Schema\".\"Orders\" WHERE x = 'v'",
            "SELECT \"Weird \"\"Name\"\"\" FROM \"My Schema\".\"Orders\" WHERE x = ?", "SELECT", "\"My Schema\".\"Orders\""),
        Arguments.of(my, "SELECT * FROM `orders` WHERE note = \"secret\"", "SELECT * FROM `orders` WHERE note = ?", "SELECT",
            "`orders`"),
        Arguments.of(ms, "SELECT [col 1] FROM [dbo].[Orders] WHERE id = 5", "SELECT [col 1] FROM [dbo].[Orders] WHERE id = ?",
            "SELECT", "[dbo].[Orders]"),
        Arguments.of(pg, "SELECT arr[1] FROM t", "SELECT arr[?] FROM t", "SELECT", "t"),
        Arguments.of(std, "SELECT a,\n\t b\r\n FROM   t", "SELECT a, b FROM t", "SELECT", "t"),
        Arguments.of(std, "{call update_stock(?, 5)}", "{call update_stock(?, ?)}", "CALL", null),
        Arguments.of(std, "{? = call shop.fn(?)}", "{? = call shop.fn(?)}", "CALL", null),
        Arguments.of(std, "WITH recent AS (SELECT * FROM orders WHERE d > '2024-01-01') SELECT * FROM recent",
            "WITH recent AS (SELECT * FROM orders WHERE d > ?) SELECT * FROM recent", "SELECT", "recent"),
        Arguments.of(std, "INSERT INTO shop.orders (id, note) VALUES (10, 'x'), (11, 'y')",
            "INSERT INTO shop.orders (id, note) VALUES (?, ?), (?, ?)", "INSERT", "shop.orders"),
        Arguments.of(std, "DELETE FROM t WHERE a = 1", "DELETE FROM t WHERE a = ?", "DELETE", "t"),
        Arguments.of(std, "CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, price DECIMAL(10,2) DEFAULT 0.00)",
            "CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, price DECIMAL(?,?) DEFAULT ?)", "CREATE TABLE",
            "items"),
        Arguments.of(std, "CREATE INDEX idx ON items (id)", "CREATE INDEX idx ON items (id)", "CREATE INDEX", "items"),
        Arguments.of(std, "DROP TABLE t2", "DROP TABLE t2", "DROP TABLE", "t2"),
        Arguments.of(std, "SELECT * FROM (SELECT a FROM t) sub", "SELECT * FROM (SELECT a FROM t) sub", "SELECT", null),
        Arguments.of(std, "SELECT EXTRACT(YEAR FROM d) FROM events", "SELECT EXTRACT(YEAR FROM d) FROM events", "SELECT",
            "events"),
        Arguments.of(std, "SELECT * FROM t WHERE a = 'unterminated secret", "SELECT * FROM t WHERE a = ?", "SELECT", "t"),
        Arguments.of(pg, "SELECT '1'::int, 2::text FROM t", "SELECT ?::int, ?::text FROM t", "SELECT", "t"),
        Arguments.of(std, "SELECT * FROM t WHERE a = :name AND b = ?", "SELECT * FROM t WHERE a = :name AND b = ?",
            "SELECT", "t"),
        Arguments.of(my, "SELECT _utf8mb4'secret' FROM t", "SELECT _utf8mb4? FROM t", "SELECT", "t"),
        Arguments.of(std, "SELECT {ts '2024-01-01 10:00:00'} FROM t", "SELECT {ts ?} FROM t", "SELECT", "t"),
        Arguments.of(std, "TRUNCATE TABLE logs", "TRUNCATE TABLE logs", "TRUNCATE", "logs"),
        Arguments.of(std, "VACUUM", "VACUUM", "VACUUM", null),
        Arguments.of(std, "frobnicate 42", "frobnicate ?", null, null),
        // Oracle alternative quoting, in any dialect: the delimiter pair decides where the literal ends
        Arguments.of(std, "SELECT q'{it's {secret}}' FROM t WHERE a = Q'[x]'", "SELECT ? FROM t WHERE a = ?", "SELECT",
            "t"),
        Arguments.of(std, "SELECT nq'(O'Brien)', q'<a'b>', q'!it's!', NQ'#x#' FROM t", "SELECT ?, ?, ?, ? FROM t",
            "SELECT", "t"),
        Arguments.of(std, "SELECT q'{unclosed' secret FROM t", "SELECT ?", "SELECT", null),
        Arguments.of(std, "SELECT q, nq FROM t WHERE q = 'x'", "SELECT q, nq FROM t WHERE q = ?", "SELECT", "t"),
        // an unknown system reads double quotes as strings (TiDB and other MySQL-compatible servers)
        Arguments.of(SqlDialect.UNKNOWN, "SELECT * FROM t WHERE a = \"secret\" AND b = 'it\\'s'",
            "SELECT * FROM t WHERE a = ? AND b = ?", "SELECT", "t"),
        Arguments.of(SqlDialect.SQLITE, "SELECT [col] FROM t WHERE a = \"secret\" AND b = 'C:\\'",
            "SELECT [col] FROM t WHERE a = ? AND b = ?", "SELECT", "t"),
        // DDL: the operation names the kind of object, the target is its table (or routine)
        Arguments.of(std, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.owners USING btree (a)",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.owners USING btree (a)", "CREATE INDEX",
            "public.owners"),
        Arguments.of(std, "create index on owners (last_name)", "create index on owners (last_name)", "CREATE INDEX",
            "owners"),
        Arguments.of(my, "DROP INDEX idx ON owners", "DROP INDEX idx ON owners", "DROP INDEX", "owners"),
        Arguments.of(pg, "DROP INDEX IF EXISTS idx", "DROP INDEX IF EXISTS idx", "DROP INDEX", null),
        Arguments.of(ms, "CREATE NONCLUSTERED INDEX ix ON dbo.owners (a)", "CREATE NONCLUSTERED INDEX ix ON dbo.owners (a)",
            "CREATE INDEX", "dbo.owners"),
        Arguments.of(std, "CREATE GLOBAL TEMPORARY TABLE tmp_orders (id INT)", "CREATE GLOBAL TEMPORARY TABLE tmp_orders (id INT)",
            "CREATE TABLE", "tmp_orders"),
        Arguments.of(std, "CREATE OR REPLACE VIEW v_orders AS SELECT * FROM orders WHERE id > 5",
            "CREATE OR REPLACE VIEW v_orders AS SELECT * FROM orders WHERE id > ?", "CREATE VIEW", "v_orders"),
        Arguments.of(std, "ALTER TABLE IF EXISTS owners ADD COLUMN age INT DEFAULT 0",
            "ALTER TABLE IF EXISTS owners ADD COLUMN age INT DEFAULT ?", "ALTER TABLE", "owners"),
        Arguments.of(std, "CREATE TRIGGER trg BEFORE INSERT ON orders FOR EACH ROW CALL \"x\"",
            "CREATE TRIGGER trg BEFORE INSERT ON orders FOR EACH ROW CALL \"x\"", "CREATE TRIGGER", "orders"),
        Arguments.of(std, "CREATE SEQUENCE order_ids START WITH 100", "CREATE SEQUENCE order_ids START WITH ?",
            "CREATE SEQUENCE", null),
        Arguments.of(std, "CREATE USER bob PASSWORD 'hunter9'", "CREATE USER bob PASSWORD ?", "CREATE USER", null),
        Arguments.of(std, "CREATE FROBNICATOR x", "CREATE FROBNICATOR x", "CREATE", null),
        Arguments.of(std, "", "", null, null));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("trickySql")
  void sanitizesTrickySql(SqlDialect dialect, String sql, String text, String operation, String collection) {
    SqlQuery q = sanitizer.sanitize(sql, dialect);
    assertEquals(text, q.text());
    assertEquals(operation, q.operation());
    assertEquals(collection, q.collection());
  }

  @Test
  void namesTheStoredProcedureOfACall() {
    assertEquals("update_stock", sanitizer.sanitize("{call update_stock(?, 5)}", null).storedProcedure());
    assertEquals("dbo.refresh", sanitizer.sanitize("EXEC dbo.refresh 'x'", SqlDialect.SQLSERVER).storedProcedure());
    assertNull(sanitizer.sanitize("SELECT 1", null).storedProcedure());
  }

  @Test
  void ddlOnARoutineNamesTheRoutine() {
    SqlQuery create = sanitizer.sanitize("CREATE OR REPLACE FUNCTION add_one(i int) RETURNS int AS $$ SELECT i + 1 $$",
        SqlDialect.POSTGRESQL);
    assertEquals("CREATE FUNCTION", create.operation());
    assertEquals("add_one", create.storedProcedure());
    assertNull(create.collection());
    assertEquals("CREATE FUNCTION add_one", create.summary());
    SqlQuery alias = sanitizer.sanitize("CREATE ALIAS IF NOT EXISTS add_one FOR 'x.Y.addOne'", SqlDialect.STANDARD);
    assertEquals("CREATE ALIAS add_one", alias.summary());
    assertEquals("CREATE INDEX owners", sanitizer.sanitize("CREATE INDEX idx ON owners (name)", null).summary());
  }

  @Test
  void aNullDialectIsTheUnknownOne() {
    assertEquals("SELECT ? FROM t", sanitizer.sanitize("SELECT \"literal\" FROM t", null).text());
    assertEquals(SqlDialect.UNKNOWN, SqlDialect.forSystem("other_sql"));
    assertEquals(SqlDialect.UNKNOWN, SqlDialect.forSystem(null));
    assertEquals(SqlDialect.STANDARD, SqlDialect.forSystem("oracle.db"));
  }

  @Test
  void truncatesAtTheConfiguredLengthWithoutSplittingASurrogatePair() {
    SqlSanitizer short10 = new SqlSanitizer(true, 10);
    assertEquals("SELECT a, ", short10.sanitize("SELECT a, b, c FROM t WHERE x = 'long value'", null).text());
    assertEquals("SELECT", short10.sanitize("SELECT * FROM orders", null).operation());
    assertEquals("SELECT ?, ", short10.sanitize("SELECT 'x', 'y' FROM t", null).text());
    assertEquals("SELECT 😀", new SqlSanitizer(false, 9).sanitize("SELECT 😀😀", null).text());
    assertEquals("SELECT ", new SqlSanitizer(false, 8).sanitize("SELECT 😀😀", null).text()); // 8 would cut 😀 in half
  }

  @Test
  void longInListCollapsesEvenPastTheLimit() {
    StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE id IN (");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i == 0 ? "" : ", ").append(i);
    }
    sb.append(") AND b = 1");
    SqlQuery q = new SqlSanitizer(true, 100).sanitize(sb.toString(), null);
    assertEquals("SELECT * FROM t WHERE id IN (?) AND b = ?", q.text());
  }

  @Test
  void disabledKeepsTheTextButStillNamesTheOperation() {
    SqlSanitizer off = new SqlSanitizer(false, SqlSanitizer.DEFAULT_MAX_LENGTH);
    String sql = "SELECT * FROM orders /* c */ WHERE id = 42";
    SqlQuery q = off.sanitize(sql, null);
    assertEquals(sql, q.text());
    assertEquals("SELECT", q.operation());
    assertEquals("orders", q.collection());
  }

  @Test
  void cachesResultsPerDialect() {
    String sql = "SELECT a FROM t WHERE b = \"x\"";
    SqlQuery std = sanitizer.sanitize(sql, SqlDialect.STANDARD);
    assertSame(std, sanitizer.sanitize(sql, SqlDialect.STANDARD));
    assertEquals("SELECT a FROM t WHERE b = \"x\"", std.text());
    assertEquals("SELECT a FROM t WHERE b = ?", sanitizer.sanitize(sql, SqlDialect.MYSQL).text());
  }

  @Test
  void aBatchSharesOperationAndCollectionOnlyWhenAllStatementsDo() {
    SqlQuery same = sanitizer.sanitize("INSERT INTO t VALUES (1)", null);
    SqlQuery batch = sanitizer.sanitizeBatch(java.util.Arrays.asList("INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"),
        null);
    assertEquals(same.text(), batch.text());
    assertEquals("INSERT t", batch.summary());
    SqlQuery mixed = sanitizer.sanitizeBatch(java.util.Arrays.asList("INSERT INTO t VALUES (1)", "DELETE FROM t WHERE a = 'x'"),
        null);
    assertEquals("INSERT INTO t VALUES (?); DELETE FROM t WHERE a = ?", mixed.text());
    assertNull(mixed.operation());
    assertEquals("t", mixed.collection());
  }

  /** Property: whatever literals a generated query holds, none of their content reaches the output. */
  @Test
  void noLiteralOfAGeneratedQuerySurvives() {
    Random random = new Random(20261124L);
    String[] identifiers = {"t1", "col_2", "orders", "o.id", "\"Quoted Col\"", "x9y", "café", "_tmp$1"};
    String[] operators = {" = ", " <> ", " > ", " + ", ", ", " || ", " LIKE ", " IN (", ") AND ", " OR "};
    int checked = 0;
    for (int q = 0; q < 5_000; q++) {
      SqlDialect dialect = SqlDialect.values()[random.nextInt(SqlDialect.values().length)];
      List<String> secrets = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT ");
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        sql.append(identifiers[random.nextInt(identifiers.length)]);
        sql.append(operators[random.nextInt(operators.length)]);
        sql.append(literal(random, dialect, secrets));
        sql.append(random.nextInt(4) == 0 ? " -- note\n" : random.nextInt(4) == 0 ? " /* c */ " : " , ");
      }
      sql.append(" FROM orders");
      String out = sanitizer.sanitize(sql.toString(), dialect).text();
      for (String secret : secrets) {
        assertFalse(out.contains(secret), () -> "literal '" + secret + "' survived in " + out + " from " + sql
            + " (" + dialect + ")");
        checked++;
      }
      assertFalse(out.toUpperCase().contains("TRUE") || out.toUpperCase().contains("FALSE"), out);
    }
    assertTrue(checked > 20_000, "checked " + checked);
  }

  private static String literal(Random r, SqlDialect dialect, List<String> secrets) {
    String secret = secret(r);
    switch (r.nextInt(dialect == SqlDialect.POSTGRESQL ? 11 : 9)) {
      case 0: {
        secrets.add(secret);
        boolean escapes = dialect.backslashEscapes;
        return "'" + messy(r, escapes) + secret + messy(r, escapes) + "'";
      }
      case 1: {
        String digits = String.valueOf(100_000 + r.nextInt(900_000));
        secrets.add(digits);
        return r.nextBoolean() ? digits : digits + "." + r.nextInt(100) + (r.nextBoolean() ? "e-" + r.nextInt(30) : "");
      }
      case 2: {
        String hex = hex(r);
        secrets.add(hex);
        return r.nextBoolean() ? "0x" + hex : "X'" + hex + "'";
      }
      case 3:
        return r.nextBoolean() ? "TRUE" : "false";
      case 4: {
        secrets.add(secret);
        return "N'" + secret + "''" + messy(r, dialect.backslashEscapes) + "'";
      }
      case 5: {
        String digits = String.valueOf(1_000_000 + r.nextInt(9_000_000));
        secrets.add(digits);
        return "." + digits;
      }
      case 6: {
        secrets.add(secret);
        return (dialect == SqlDialect.MYSQL ? "\"" + secret + "\\\"" + messy(r, true) + "\"" : "'" + secret + "'");
      }
      case 7: {
        secrets.add(secret);
        return "'" + secret + "/*" + "--" + "'";
      }
      case 8: {
        secrets.add(secret);
        String[][] pairs = {{"{", "}"}, {"[", "]"}, {"(", ")"}, {"<", ">"}, {"!", "!"}};
        String[] pair = pairs[r.nextInt(pairs.length)];
        return (r.nextBoolean() ? "q'" : "NQ'") + pair[0] + secret + "'" + messy(r, false) + pair[1] + "'";
      }
      case 9: {
        secrets.add(secret);
        String tag = r.nextBoolean() ? "$$" : "$q" + r.nextInt(10) + "$";
        return tag + secret + "'$" + tag;
      }
      default: {
        secrets.add(secret);
        return "E'" + secret + "\\'" + messy(r, true) + "'";
      }
    }
  }

  private static String secret(Random r) {
    StringBuilder sb = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  private static String hex(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append("0123456789ABCDEF".charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  /** Text that is hard to lex inside a string literal (with or without backslash escapes): escaped quotes, comment markers, unicode. */
  private static String messy(Random r, boolean backslashEscapes) {
    String[] pieces = backslashEscapes
        ? new String[] {"''", "\\'", "\\\\", "--", "/*", "*/", "#", "\\\"", "東京", "😀", " IN (1,2) ", ";"}
        : new String[] {"''", "\\", "--", "/*", "*/", "\"", "東京", "😀", " IN (1,2) ", ";", "$$"};
    StringBuilder sb = new StringBuilder();
    int k = r.nextInt(4);
    for (int i = 0; i < k; i++) {
      sb.append(pieces[r.nextInt(pieces.length)]);
    }
    return sb.toString();
  }
}
