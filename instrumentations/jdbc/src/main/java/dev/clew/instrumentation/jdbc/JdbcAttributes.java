package dev.clew.instrumentation.jdbc;

import static dev.clew.core.semconv.SemanticAttributes.DB_COLLECTION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_NAMESPACE;
import static dev.clew.core.semconv.SemanticAttributes.DB_OPERATION_BATCH_SIZE;
import static dev.clew.core.semconv.SemanticAttributes.DB_OPERATION_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_QUERY_TEXT;
import static dev.clew.core.semconv.SemanticAttributes.DB_RESPONSE_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.DB_STORED_PROCEDURE_NAME;
import static dev.clew.core.semconv.SemanticAttributes.DB_SYSTEM_NAME;
import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;

import dev.clew.core.instrument.db.SqlQuery;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import java.sql.SQLException;

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
  }

  static void onError(Span span, Throwable thrown) {
    span.setAttribute(ERROR_TYPE, thrown.getClass().getName());
    if (thrown instanceof SQLException) {
      String state = ((SQLException) thrown).getSQLState();
      if (state != null) {
        span.setAttribute(DB_RESPONSE_STATUS_CODE, state);
      }
    }
  }
}
