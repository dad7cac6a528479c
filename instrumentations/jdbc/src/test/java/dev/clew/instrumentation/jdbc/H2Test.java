package dev.clew.instrumentation.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** H2 in memory, straight through the driver. */
class H2Test extends AbstractJdbcSuite {
  static final String URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
  private static Connection keepAlive;

  @BeforeAll
  static void open() throws SQLException {
    keepAlive = DriverManager.getConnection(URL, "sa", "");
  }

  @AfterAll
  static void close() throws SQLException {
    keepAlive.close();
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "sa", "");
  }

  @Override
  String system() {
    return "h2database";
  }

  @Override
  String namespace() {
    return "shop";
  }

  @Override
  String serverAddress() {
    return null;
  }

  @Override
  Long serverPort() {
    return null;
  }

  @Override
  String driverPackage() {
    return "org.h2.";
  }

  @Override
  String missingTableState() {
    return "42S02";
  }

  @Override
  boolean batchErrorsShowBoundValues() {
    return false;
  }

  @Override
  String createAddOneFunction() {
    return "CREATE ALIAS IF NOT EXISTS add_one FOR 'dev.clew.instrumentation.jdbc.JdbcFunctions.addOne'";
  }
}
