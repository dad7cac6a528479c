package com.acme.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The servlet of a web application that {@code RedeployHost} deploys from its own WEB-INF/classes, so a
 * web-app class loader defines it: each request queries H2, calls a peer over HTTP, and hands work to an
 * executor, a CompletableFuture and a new thread, so every agent cache and hand-off sees web-app classes.
 */
public final class WorkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private transient ExecutorService pool;

  @Override
  public void init() {
    pool = Executors.newFixedThreadPool(2);
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS); // its threads hold this loader
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      int rows = pool.submit(WorkServlet::query).get();
      String peer = CompletableFuture.supplyAsync(() -> call(req.getParameter("peer"))).join();
      String[] fromThread = new String[1];
      Thread t = new Thread(() -> fromThread[0] = "thread");
      t.start();
      t.join();
      resp.getWriter().print("work " + rows + " " + peer + " " + fromThread[0]);
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static int query() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:redeploy;DB_CLOSE_DELAY=-1");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES")) {
      rs.next();
      return rs.getInt(1) > 0 ? 1 : 0;
    }
  }

  private static String call(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      try (InputStream in = c.getInputStream()) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
