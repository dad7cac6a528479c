package com.acme.shop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A shop service on embedded Tomcat (jakarta servlets) that does what real services do in a request: calls
 * a peer over HTTP, queries a database, fans work out to a thread pool and produces to Kafka. Prints
 * {@code listening <port>}, serves until its stdin closes, then stops Tomcat and exits 0.
 * System properties: {@code shop.downstream} (base URL of the HTTP peer), {@code shop.kafka} (bootstrap
 * servers), {@code shop.topic}, {@code shop.max-header-bytes} (accept request headers this large, and any
 * number of them: for tests that send hostile headers).
 */
public final class ShopServer {
  static final String DB = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
  static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(100))");
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("shop-tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    String maxHeader = System.getProperty("shop.max-header-bytes");
    if (maxHeader != null) {
      tomcat.getConnector().setProperty("maxHttpHeaderSize", maxHeader);
      tomcat.getConnector().setProperty("maxHttpRequestHeaderSize", maxHeader);
      tomcat.getConnector().setProperty("maxHeaderCount", "-1");
    }
    Context context = tomcat.addContext("", null);
    add(context, "/hello", new Hello());
    add(context, "/orders", new Orders());
    add(context, "/fanout", new FanOut());
    add(context, "/async", new Async());
    add(context, "/produce", new Produce());
    tomcat.start();
    System.out.println("listening " + tomcat.getConnector().getLocalPort());
    while (System.in.read() >= 0) {
      // serve until the test closes our stdin
    }
    tomcat.stop();
    tomcat.destroy();
    POOL.shutdown();
    Produce.close();
    System.out.println("stopped");
  }

  private static void add(Context context, String path, HttpServlet servlet) {
    Tomcat.addServlet(context, path, servlet);
    context.addServletMapping(path, path);
  }

  /** Calls the downstream peer, so the test can see what this service propagates further. */
  public static final class Hello extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String downstream = System.getProperty("shop.downstream");
      String peer = downstream == null ? "" : " " + Http.get(downstream + "/from-b");
      resp.getWriter().print("hello" + peer);
    }
  }

  /** Two statements in one request; the literal must not reach the span. */
  public static final class Orders extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      int id = Integer.parseInt(req.getParameter("id"));
      try (Connection c = DriverManager.getConnection(DB)) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note) VALUES (?, ?)")) {
          ps.setInt(1, id);
          ps.setString(2, "gift wrap");
          ps.executeUpdate();
        }
        resp.getWriter().print("orders " + count(c, "gift wrap"));
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  /** JDBC and HTTP from pool threads, joined before responding. */
  public static final class FanOut extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Future<Integer> db = POOL.submit(() -> {
        try (Connection c = DriverManager.getConnection(DB)) {
          return count(c, "pool");
        }
      });
      Future<String> peer = POOL.submit(() -> Http.get(System.getProperty("shop.downstream") + "/from-pool"));
      try {
        resp.getWriter().print("fanout " + db.get() + " " + peer.get());
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  /** The same through CompletableFuture on the common pool. */
  public static final class Async extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String body = CompletableFuture.supplyAsync(() -> {
        try (Connection c = DriverManager.getConnection(DB)) {
          return count(c, "async");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }).thenApplyAsync(n -> n + " " + Http.get(System.getProperty("shop.downstream") + "/from-async")).join();
      resp.getWriter().print("async " + body);
    }
  }

  /** Produces one record per request. */
  public static final class Produce extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static KafkaProducer<String, String> producer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      try {
        producer().send(new ProducerRecord<>(System.getProperty("shop.topic"), "order-" + req.getParameter("id")))
            .get();
      } catch (Exception e) {
        throw new IOException(e);
      }
      resp.getWriter().print("produced");
    }

    private static synchronized KafkaProducer<String, String> producer() {
      if (producer == null) {
        Properties p = new Properties();
        p.put("bootstrap.servers", System.getProperty("shop.kafka"));
        p.put("client.id", "shop");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
      }
      return producer;
    }

    static synchronized void close() {
      if (producer != null) {
        producer.close();
      }
    }
  }

  static int count(Connection c, String note) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE note = '" + note + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
