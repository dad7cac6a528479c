package com.acme.app;

import dev.clew.testing.jdbc.ForwardingDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An application that puts secrets where a tracing agent might copy them: passwords in its JDBC URLs
 * (properties, user info, MySQL's address form) and values in statements its databases reject, whose
 * messages echo them. Arguments: the JDBC URLs to use, each also given the schema below.
 */
public final class SecretsApp {
  public static void main(String[] args) throws Exception {
    ForwardingDriver.register();
    for (String url : args) {
      try (Connection c = DriverManager.getConnection(url)) {
        work(c);
      }
      System.out.println("done " + url.substring(0, url.indexOf(':', 5)));
    }
  }

  private static void work(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS orders");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(100))");
      s.execute("CREATE INDEX idx_orders_note ON orders (note)");
      s.executeUpdate("INSERT INTO orders VALUES (1, 'existing')");
      rejected(s, "SELECT * FROM orders WHERE id = 'hunter9'"); // the driver quotes the value
      rejected(s, "SELECT q'{hunter9's}' FROM orders"); // Oracle's quoting, which these databases do not read
      rejected(s, "SELECT id FROM orders WHERE note = \"Dq7secret\""); // a string to MySQL, a name to others
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
      for (int id = 2; id >= 1; id--) { // the second entry hits the existing key
        ps.setInt(1, id);
        ps.setString(2, "note " + id + " hunter9");
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException expected) {
      System.out.println("batch rejected");
    }
  }

  private static void rejected(Statement s, String sql) {
    try {
      s.executeQuery(sql).close();
    } catch (SQLException expected) {
      System.out.println("rejected " + expected.getSQLState());
    }
  }
}
