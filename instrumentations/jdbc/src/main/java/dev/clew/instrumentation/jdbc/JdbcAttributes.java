package dev.clew.instrumentation.jdbc;

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
    span.setAttribute("db.system.name", info.system);
    if (info.namespace != null) {
      span.setAttribute("db.namespace", info.namespace);
    }
    if (info.host != null) {
      span.setAttribute("server.address", info.host);
      if (info.port > 0) {
        span.setAttribute("server.port", (long) info.port);
      }
    }
    if (operation != null) {
      span.setAttribute("db.operation.name", operation);
    }
    if (query != null) {
      if (query.text() != null) {
        span.setAttribute("db.query.text", query.text());
      }
      if (query.collection() != null) {
        span.setAttribute("db.collection.name", query.collection());
      }
      if (query.storedProcedure() != null) {
        span.setAttribute("db.stored_procedure.name", query.storedProcedure());
      }
    }
    if (batchSize > 1) {
      span.setAttribute("db.operation.batch.size", batchSize);
    }
  }

  static void onError(Span span, Throwable thrown) {
    span.setAttribute("error.type", thrown.getClass().getName());
    if (thrown instanceof SQLException) {
      String state = ((SQLException) thrown).getSQLState();
      if (state != null) {
        span.setAttribute("db.response.status_code", state);
      }
    }
  }
}
