package dev.clew.benchmarks.apps.servlet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The reference application of the overhead benchmark. {@code GET /items/{id}} reads the item with one
 * JDBC query and asks {@code GET /prices/{id}} of the same server for its price over
 * {@link HttpClient}: with a tracing agent that is a SERVER span, a JDBC CLIENT span, an HTTP CLIENT span
 * and the peer's SERVER span. Usage: {@code ServletApp --port=N} (127.0.0.1 only).
 */
public final class ServletApp {
  private static final int ITEMS = 100;

  private ServletApp() {}

  public static void main(String[] args) throws Exception {
    int port = 8080;
    for (String a : args) {
      if (a.startsWith("--port=")) {
        port = Integer.parseInt(a.substring("--port=".length()));
      }
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
    pool.setMaximumPoolSize(16);
    DataSource db = new HikariDataSource(pool);
    createItems(db);
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new ItemServlet(db, http, port)), "/items/*");
    context.addServlet(new ServletHolder(new PriceServlet()), "/prices/*");
    server.setHandler(context);
    server.setStopAtShutdown(true);
    server.start();
    System.out.println("servlet app listening on 127.0.0.1:" + connector.getLocalPort());
    server.join();
  }

  private static void createItems(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(64), stock INT)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?)")) {
        for (int i = 0; i < ITEMS; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item " + i);
          insert.setInt(3, i * 3);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** {@code /items/{id}}: one query, one call to the price service, a small JSON answer. */
  static final class ItemServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient DataSource db;
    private final transient HttpClient http;
    private final String priceBase;

    ItemServlet(DataSource db, HttpClient http, int port) {
      this.db = db;
      this.http = http;
      this.priceBase = "http://127.0.0.1:" + port + "/prices/";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      int id = idOf(req);
      String name;
      int stock;
      try (Connection c = db.getConnection();
           PreparedStatement q = c.prepareStatement("SELECT name, stock FROM item WHERE id = ?")) {
        q.setInt(1, id);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            resp.sendError(404);
            return;
          }
          name = rs.getString(1);
          stock = rs.getInt(2);
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
      String price;
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(priceBase + id)).build(),
            HttpResponse.BodyHandlers.ofString());
        price = answer.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      write(resp, "{\"id\":" + id + ",\"name\":\"" + name + "\",\"stock\":" + stock + ",\"price\":" + price + "}");
    }
  }

  /** {@code /prices/{id}}: the peer the item servlet calls. */
  static final class PriceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      write(resp, Integer.toString(100 + idOf(req) * 7));
    }
  }

  static int idOf(HttpServletRequest req) {
    String path = req.getPathInfo();
    try {
      return path == null ? 0 : Math.floorMod(Integer.parseInt(path.substring(1)), ITEMS);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static void write(HttpServletResponse resp, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setContentType("application/json");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
