package com.example.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The second service: {@code GET /prices/{sku}} answers the price of a product from its own database. */
public final class PricingService {
  private PricingService() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Database db = new Database("pricing", "pricing.sql");
    WebServer server = new WebServer(port).route("/prices/*", "prices", new PricesServlet(db));
    int bound = server.start();
    Demo.announce("pricing", bound, args.length > 1 ? args[1] : null);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (Exception ignored) {
        // exiting anyway
      }
      db.close();
    }));
    Thread.currentThread().join();
  }

  static final class PricesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Database db;

    PricesServlet(Database db) {
      this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String sku = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      try (Connection c = db.connection();
          PreparedStatement ps = c.prepareStatement("SELECT cents, currency FROM prices WHERE sku = ?")) {
        ps.setString(1, sku);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            resp.sendError(404, "no price for " + sku);
            return;
          }
          Demo.pause(8); // a pricing rule engine would think here
          resp.setContentType("application/json");
          resp.getWriter().write("{\"sku\":\"" + sku + "\",\"cents\":" + rs.getInt(1) + ",\"currency\":\""
              + rs.getString(2) + "\"}");
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }
}
