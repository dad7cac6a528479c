package com.acme.shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.catalina.startup.Tomcat;

/**
 * A service that already uses the OpenTelemetry API: in its request it starts a manual span, queries its
 * database, calls a {@code @WithSpan} method and calls a peer with baggage it set through the API. Prints
 * {@code listening <port>}, serves until its stdin closes, then prints {@code stopped}.
 * System property {@code shop.downstream}: the base URL of the HTTP peer.
 */
public final class ReportServer {
  static final String DB = "jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1";
  static final ExecutorService POOL = Executors.newFixedThreadPool(1);
  static final ContextKey<String> REGION = ContextKey.named("region");

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE sales (id INT PRIMARY KEY)");
      s.execute("INSERT INTO sales VALUES (1), (2)");
      s.execute("CREATE TABLE prices (sku VARCHAR(10))");
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("report-tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    org.apache.catalina.Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "report", new Report());
    context.addServletMapping("/report", "report");
    tomcat.start();
    System.out.println("listening " + tomcat.getConnector().getLocalPort());
    while (System.in.read() >= 0) {
      // serve until the test closes our stdin
    }
    tomcat.stop();
    tomcat.destroy();
    POOL.shutdown();
    System.out.println("stopped");
  }

  /** Manual span around the request's work, as an application instrumented by hand writes it. */
  public static final class Report extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Tracer tracer = GlobalOpenTelemetry.getTracer("com.acme.reports", "2.0");
      Span build = tracer.spanBuilder("build report").startSpan();
      String body;
      try (Scope ignored = build.makeCurrent()) {
        build.setAttribute("report.kind", "daily");
        int sales = count("SELECT COUNT(*) FROM sales");
        int rows = Reports.render(sales);
        String peer;
        try (Scope b = Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
          peer = Http.get(System.getProperty("shop.downstream") + "/from-api");
        }
        String region;
        try (Scope r = Context.current().with(REGION, "emea").makeCurrent()) {
          // the application's own context value, read on a pool thread: it travelled inside clew's context
          region = POOL.submit(() -> Context.current().get(REGION)).get();
        }
        body = "report " + sales + " " + rows + " " + peer + " " + region + " " + visibility(Span.current());
      } catch (SQLException | ExecutionException e) {
        build.recordException(e);
        throw new IOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        build.end();
      }
      resp.getWriter().print(body);
    }
  }

  /** Methods the application marked for tracing. */
  public static final class Reports {
    private Reports() {}

    @WithSpan("render report")
    public static int render(@SpanAttribute("report.rows") int rows) throws SQLException {
      return rows + count("SELECT COUNT(*) FROM prices");
    }
  }

  static int count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Whether this application can load the class behind the API span it was given, or clew's own span class. */
  static String visibility(Span current) {
    StringBuilder sb = new StringBuilder();
    for (String name : new String[] {current.getClass().getName(), "dev.clew.core.trace.Span"}) {
      try {
        Class.forName(name, false, ReportServer.class.getClassLoader());
        sb.append("visible:").append(name).append(' ');
      } catch (ClassNotFoundException e) {
        sb.append("hidden ");
      }
    }
    return sb.toString().trim();
  }
}
