package dev.clew.instrumentation.jdbc;

import static dev.clew.core.semconv.SemanticAttributes.DB_COLLECTION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_NAMESPACE;
import static dev.clew.core.semconv.SemanticAttributes.DB_OPERATION_BATCH_SIZE;
import static dev.clew.core.semconv.SemanticAttributes.DB_OPERATION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_QUERY_TEXT;
import static dev.clew.core.semconv.SemanticAttributes.DB_RESPONSE_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.DB_STORED_PROCEDURE_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_SYSTEM_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_USER;
import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_MESSAGE;
import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_STACKTRACE;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;

import dev.clew.core.instrument.db.SqlDialect;
import dev.clew.core.instrument.db.SqlEchoRedactor;
import dev.clew.core.instrument.db.SqlQuery;
import dev.clew.core.instrument.db.SqlSanitizer;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.StatusCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

/** Database semantic-convention attributes and the span name of a JDBC call. */
final class JdbcAttributes {
  private JdbcAttributes() {}

  /** {@code operation target}, else the operation, else the database name, else the system. */
  static String spanName(String summary, JdbcConnectionInfo info) {
    if (summary != null) {
      return summary;
    }
    return info.namespace != null ? info.namespace : info.system;
  }

  static void onStart(SpanBuilder span, JdbcConnectionInfo info, SqlQuery query, String operation, long batchSize) {
    span.setAttribute(DB_SYSTEM_NAME, info.system);
    if (info.namespace != null) {
      span.setAttribute(DB_NAMESPACE, info.namespace);
    }
    if (info.host != null) {
      span.setAttribute(SERVER_ADDRESS, info.host);
      if (info.port > 0) {
        span.setAttribute(SERVER_PORT, (long) info.port);
      }
    }
    if (operation != null) {
      span.setAttribute(DB_OPERATION_NAME, operation);
    }
    if (query != null) {
      if (query.text() != null) {
        span.setAttribute(DB_QUERY_TEXT, query.text());
      }
      if (query.collection() != null) {
        span.setAttribute(DB_COLLECTION_NAME, query.collection());
      }
      if (query.storedProcedure() != null) {
        span.setAttribute(DB_STORED_PROCEDURE_NAME, query.storedProcedure());
      }
    }
    if (batchSize > 1) {
      span.setAttribute(DB_OPERATION_BATCH_SIZE, batchSize);
    }
    if (info.user != null) {
      span.setAttribute(DB_USER, info.user);
    }
  }

  /**
   * A failed execution: {@code error.type}, {@code db.response.status_code}, the exception event and the
   * ERROR status. When sanitizing, the message and stack trace lose the statements' text and literals
   * wherever the driver echoed them ({@link SqlEchoRedactor}); the application's exception is untouched.
   */
  static void onError(Span span, Throwable thrown, List<String> statements, SqlDialect dialect, SqlSanitizer sanitizer) {
    span.setAttribute(ERROR_TYPE, thrown.getClass().getName());
    if (thrown instanceof SQLException) {
      String state = ((SQLException) thrown).getSQLState();
      if (state != null) {
        span.setAttribute(DB_RESPONSE_STATUS_CODE, state);
      }
    }
    String message = thrown.getMessage();
    if (!sanitizer.isEnabled() || statements.isEmpty() || !span.isRecording()) {
      span.recordException(thrown);
      span.setStatus(StatusCode.ERROR, message);
      return;
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    String stackTrace = trace.toString();
    String previous = null;
    for (String sql : statements) {
      if (sql != null && !sql.equals(previous)) { // a batch often repeats one text
        String sanitized = sanitizer.sanitize(sql, dialect).text();
        message = SqlEchoRedactor.redact(message, sql, sanitized, dialect);
        stackTrace = SqlEchoRedactor.redact(stackTrace, sql, sanitized, dialect);
        previous = sql;
      }
    }
    span.recordException(thrown, Attributes.of(EXCEPTION_MESSAGE, message, EXCEPTION_STACKTRACE, stackTrace));
    span.setStatus(StatusCode.ERROR, message);
  }
}
