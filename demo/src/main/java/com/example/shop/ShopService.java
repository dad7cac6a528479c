package com.example.shop;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shop: {@code GET /products}, {@code GET /products/{id}} (asks the pricing service),
 * {@code POST /checkout?product=&quantity=} (checks stock and price in parallel on a thread pool, then
 * writes the order) and {@code GET /recommendations}, which fails. No tracing code anywhere.
 */
public final class ShopService {
  private ShopService() {}

  /** Arguments: pricing base URL, [port], [port file]. */
  public static void main(String[] args) throws Exception {
    String pricing = args[0];
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Database db = new Database("shop", "shop.sql");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Shop shop = new Shop(db, pool, pricing);
    WebServer server = new WebServer(port)
        .route("/products/*", "products", new ProductsServlet(shop))
        .route("/checkout", "checkout", new CheckoutServlet(shop))
        .route("/recommendations", "recommendations", new RecommendationsServlet());
    int bound = server.start();
    Demo.announce("shop", bound, args.length > 2 ? args[2] : null);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (Exception ignored) {
        // exiting anyway
      }
      pool.shutdown();
      db.close();
    }));
    Thread.currentThread().join();
  }

  /** The shop's logic, shared by the servlets. */
  static final class Shop {
    private final Database db;
    private final ExecutorService pool;
    private final String pricing;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    Shop(Database db, ExecutorService pool, String pricing) {
      this.db = db;
      this.pool = pool;
      this.pricing = pricing;
    }

    String products() throws SQLException {
      StringBuilder json = new StringBuilder("[");
      try (Connection c = db.connection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, sku, name, stock FROM products ORDER BY id")) {
        while (rs.next()) {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append("{\"id\":").append(rs.getInt(1)).append(",\"sku\":\"").append(rs.getString(2))
              .append("\",\"name\":\"").append(rs.getString(3)).append("\",\"stock\":").append(rs.getInt(4)).append('}');
        }
      }
      return json.append(']').toString();
    }

    /** The product with its price; null if there is no such product. */
    String product(int id) throws SQLException, IOException {
      String sku;
      String name;
      try (Connection c = db.connection();
          PreparedStatement ps = c.prepareStatement("SELECT sku, name FROM products WHERE id = ?")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          sku = rs.getString(1);
          name = rs.getString(2);
        }
      }
      // the old-school client, for variety: HttpURLConnection
      HttpURLConnection conn = (HttpURLConnection) URI.create(pricing + "/prices/" + sku).toURL().openConnection();
      conn.setConnectTimeout(5000);
      conn.setReadTimeout(5000);
      String price;
      try (InputStream in = conn.getInputStream()) {
        price = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"price\":" + price + "}";
    }

    /** Places an order; returns the HTTP status and body. */
    Object[] checkout(int productId, int quantity) throws Exception {
      // fan out: stock (database) and price (pricing service) at the same time, on the pool
      Future<Object[]> stock = pool.submit(() -> stockAndSku(productId));
      Object[] found = stock.get();
      if (found == null) {
        return new Object[] {404, "{\"error\":\"no product " + productId + "\"}"};
      }
      String sku = (String) found[1];
      Future<Integer> cents = pool.submit(() -> priceCents(sku));
      Future<Boolean> fraud = pool.submit(() -> fraudCheck(productId, quantity));
      int price;
      try {
        price = cents.get();
        fraud.get();
      } catch (ExecutionException e) {
        throw new IOException("checkout failed: " + e.getCause(), e.getCause());
      }
      if ((Integer) found[0] < quantity) {
        return new Object[] {409, "{\"error\":\"out of stock\",\"sku\":\"" + sku + "\"}"};
      }
      try (Connection c = db.connection()) {
        c.setAutoCommit(false);
        try (PreparedStatement upd = c.prepareStatement("UPDATE products SET stock = stock - ? WHERE id = ?");
            PreparedStatement ins = c.prepareStatement(
                "INSERT INTO orders (product_id, quantity, total) VALUES (?, ?, ?)")) {
          upd.setInt(1, quantity);
          upd.setInt(2, productId);
          upd.executeUpdate();
          ins.setInt(1, productId);
          ins.setInt(2, quantity);
          ins.setBigDecimal(3, java.math.BigDecimal.valueOf((long) price * quantity, 2));
          ins.executeUpdate();
          c.commit();
        }
      }
      return new Object[] {201, "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"totalCents\":"
          + (price * quantity) + "}"};
    }

    private Object[] stockAndSku(int productId) throws SQLException {
      try (Connection c = db.connection();
          PreparedStatement ps = c.prepareStatement("SELECT stock, sku FROM products WHERE id = ?")) {
        ps.setInt(1, productId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? new Object[] {rs.getInt(1), rs.getString(2)} : null;
        }
      }
    }

    private int priceCents(String sku) throws IOException, InterruptedException {
      HttpRequest req = HttpRequest.newBuilder(URI.create(pricing + "/prices/" + sku))
          .timeout(Duration.ofSeconds(5)).GET().build();
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        throw new IOException("pricing answered " + resp.statusCode());
      }
      String body = resp.body();
      int i = body.indexOf("\"cents\":") + 8;
      return Integer.parseInt(body.substring(i, body.indexOf(',', i)));
    }

    private boolean fraudCheck(int productId, int quantity) throws SQLException {
      try (Connection c = db.connection();
          PreparedStatement ps = c.prepareStatement(
              "SELECT COUNT(*) FROM orders WHERE product_id = ? AND quantity > ?")) {
        ps.setInt(1, productId);
        ps.setInt(2, quantity * 10);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Demo.pause(3);
          return rs.getInt(1) == 0;
        }
      }
    }
  }

  static final class ProductsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Shop shop;

    ProductsServlet(Shop shop) {
      this.shop = shop;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
      String path = req.getPathInfo();
      try {
        String body;
        if (path == null || "/".equals(path)) {
          body = shop.products();
        } else {
          body = shop.product(Integer.parseInt(path.substring(1)));
          if (body == null) {
            resp.sendError(404);
            return;
          }
        }
        resp.setContentType("application/json");
        resp.getWriter().write(body);
      } catch (SQLException | NumberFormatException e) {
        throw new ServletException(e);
      }
    }
  }

  static final class CheckoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Shop shop;

    CheckoutServlet(Shop shop) {
      this.shop = shop;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
      try {
        Object[] result = shop.checkout(Integer.parseInt(req.getParameter("product")),
            Integer.parseInt(req.getParameter("quantity")));
        resp.setStatus((Integer) result[0]);
        resp.setContentType("application/json");
        resp.getWriter().write((String) result[1]);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new ServletException(e);
      }
    }
  }

  /** Always fails: the demo's error trace. */
  static final class RecommendationsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalStateException("recommendation model is not loaded");
    }
  }
}
