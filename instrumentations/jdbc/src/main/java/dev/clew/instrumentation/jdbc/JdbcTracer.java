package dev.clew.instrumentation.jdbc;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.core.instrument.ActiveSpan;
import dev.clew.core.instrument.CallDepth;
import dev.clew.core.instrument.db.SqlDialect;
import dev.clew.core.instrument.db.SqlQuery;
import dev.clew.core.instrument.db.SqlSanitizer;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;
import dev.clew.core.util.WeakIdentityMap;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/**
 * Owns the JDBC spans: one CLIENT span per outermost execution (wrappers such as pool proxies call the
 * driver's statement from inside ours, and the shared {@link CallDepth} keeps those silent), the SQL
 * remembered per prepared statement, and the batch being built. Everything here is static and exists
 * once: the module loads its classes from the agent loader only (see {@link JdbcInstrumentationModule}).
 */
public final class JdbcTracer {
  private static final String SCOPE = "clew.jdbc";
  private static final CallDepth DEPTH = CallDepth.forFamily("jdbc");
  /** Enter's answer for a nested call: exit only leaves the nesting level. */
  private static final Object NESTED = new Object();
  private static final WeakIdentityMap<Statement, JdbcStatementState> STATEMENTS = new WeakIdentityMap<>();
  private static final JdbcConnections CONNECTIONS = new JdbcConnections();
  private static volatile SqlSanitizer sanitizer = new SqlSanitizer(true, SqlSanitizer.DEFAULT_MAX_LENGTH);

  private JdbcTracer() {}

  static void configure(SqlSanitizer configured, boolean captureUser) {
    sanitizer = configured;
    CONNECTIONS.captureUser(captureUser);
  }

  /** Returns the nesting level of this prepare, from 1 (outermost); exit hands it back. */
  public static int enterPrepare() {
    return DEPTH.getAndIncrement() + 1;
  }

  /**
   * Remembers the SQL of an outermost prepare ({@code level} 1). A nested one (the driver's, under a pool's
   * proxy, or one inside a traced execution) is never executed outside the call that encloses it, so it costs
   * no map entry. Level 0: enter did not run, remember it as before.
   */
  public static void onPrepare(int level, String sql, Statement statement) {
    if (level > 0) {
      DEPTH.decrementAndGet();
    }
    if (level <= 1 && sql != null && statement != null) {
      STATEMENTS.put(statement, new JdbcStatementState(sql));
    }
  }

  public static void onAddBatch(Statement statement, String sql) {
    JdbcStatementState state = STATEMENTS.get(statement);
    if (state == null) {
      state = STATEMENTS.putIfAbsent(statement, new JdbcStatementState(null));
    }
    state.addBatch(sql);
  }

  public static void onClearBatch(Statement statement) {
    JdbcStatementState state = STATEMENTS.get(statement);
    if (state != null) {
      state.clearBatch();
    }
  }

  public static void onClose(Statement statement) {
    STATEMENTS.remove(statement);
  }

  /** {@code execute*(sql, ...)} of a Statement, or {@code execute*()} of a prepared statement when sql is null. */
  public static Object startExecute(Statement statement, String sql) {
    if (DEPTH.getAndIncrement() > 0) {
      return NESTED;
    }
    try {
      String text = sql;
      JdbcConnectionInfo info;
      if (text == null) {
        JdbcStatementState state = STATEMENTS.get(statement);
        text = state == null ? null : state.preparedSql;
        info = infoOf(statement, state);
      } else {
        info = CONNECTIONS.of(connectionOf(statement));
      }
      SqlQuery query = sanitizer.sanitize(text, info.dialect);
      return query == null ? start(info, null, null, null, 0) : start(info, query, query.operation(), query.summary(), 0);
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return NESTED;
    }
  }

  /** {@code executeBatch()}: the batch's SQL, {@code BATCH}-prefixed operation and size. */
  public static Object startBatch(Statement statement) {
    if (DEPTH.getAndIncrement() > 0) {
      return NESTED;
    }
    try {
      JdbcStatementState state = STATEMENTS.get(statement);
      JdbcConnectionInfo info = infoOf(statement, state);
      if (state == null) {
        return start(info, null, null, null, 0);
      }
      SqlQuery query = state.batchSql != null ? sanitizer.sanitizeBatch(state.batchSql, info.dialect)
          : sanitizer.sanitize(state.preparedSql, info.dialect);
      int size = state.batchSize; // the batch is cleared on exit, where a failure may still need its SQL
      String operation = query == null ? null : query.operation();
      String summary = query == null ? null : query.summary();
      if (size > 1) { // one statement is no batch for the conventions
        operation = operation == null ? "BATCH" : "BATCH " + operation;
        summary = summary == null ? "BATCH" : "BATCH " + summary;
      }
      return start(info, query, operation, summary, size);
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return NESTED;
    }
  }

  /** {@code commit()}/{@code rollback()}, instrumented only with {@code clew.jdbc.transaction-spans=true}. */
  public static Object startTransaction(Connection connection, String method) {
    if (DEPTH.getAndIncrement() > 0) {
      return NESTED;
    }
    try {
      String operation = "commit".equals(method) ? "COMMIT" : "ROLLBACK";
      return start(CONNECTIONS.of(connection), null, operation, operation, 0);
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return NESTED;
    }
  }

  private static Object start(JdbcConnectionInfo info, SqlQuery query, String operation, String summary,
      long batchSize) {
    SpanBuilder builder = TracerProvider.global().tracer(SCOPE)
        .spanBuilder(JdbcAttributes.spanName(summary, info))
        .setSpanKind(SpanKind.CLIENT);
    JdbcAttributes.onStart(builder, info, query, operation, batchSize);
    return ActiveSpan.start(builder.startSpan());
  }

  /** {@code commit()}/{@code rollback()}. */
  public static void end(Object call, Throwable thrown) {
    finish(call, thrown, null, Collections.<String>emptyList());
  }

  /** {@code execute*}: the SQL argument, or null for a prepared statement (its SQL is remembered). */
  public static void endExecute(Object call, Throwable thrown, Statement statement, String sql) {
    if (thrown == null || !(call instanceof ActiveSpan)) {
      finish(call, thrown, statement, Collections.<String>emptyList());
      return;
    }
    String text = sql;
    if (text == null) {
      JdbcStatementState state = STATEMENTS.get(statement);
      text = state == null ? null : state.preparedSql;
    }
    finish(call, thrown, statement, text == null ? Collections.<String>emptyList() : Collections.singletonList(text));
  }

  /** {@code executeBatch()}: ends the span, then empties the statement's batch (at every nesting level). */
  public static void endBatch(Object call, Throwable thrown, Statement statement) {
    JdbcStatementState state = STATEMENTS.get(statement);
    List<String> statements = Collections.emptyList();
    if (thrown != null && state != null) {
      statements = state.batchSql != null ? state.batchSql
          : state.preparedSql != null ? Collections.singletonList(state.preparedSql) : statements;
    }
    finish(call, thrown, statement, statements);
    if (state != null) {
      state.clearBatch();
    }
  }

  private static void finish(Object call, Throwable thrown, Statement statement, List<String> statements) {
    if (call == null) {
      return; // enter did not run
    }
    DEPTH.decrementAndGet();
    if (call instanceof ActiveSpan) {
      ActiveSpan active = (ActiveSpan) call;
      if (thrown != null) {
        SqlDialect dialect = statements.isEmpty() ? null : CONNECTIONS.of(connectionOf(statement)).dialect;
        JdbcAttributes.onError(active.span(), thrown, statements, dialect, sanitizer);
      }
      active.end(null); // the error, if any, is recorded above
    }
  }

  /** The statement's connection metadata, kept in its state after the first look. */
  private static JdbcConnectionInfo infoOf(Statement statement, JdbcStatementState state) {
    if (state == null) {
      return CONNECTIONS.of(connectionOf(statement));
    }
    JdbcConnectionInfo info = state.info;
    if (info == null) {
      state.info = info = CONNECTIONS.of(connectionOf(statement));
    }
    return info;
  }

  private static Connection connectionOf(Statement statement) {
    try {
      return statement.getConnection();
    } catch (Throwable t) {
      return null; // closed statement: the driver reports that itself
    }
  }

  /** Statements the agent currently remembers; read by the leak test. */
  static int trackedStatements() {
    return STATEMENTS.size();
  }

  /** Connections whose metadata is cached; read by the leak test. */
  static int trackedConnections() {
    return CONNECTIONS.size();
  }
}
