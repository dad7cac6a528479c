package com.acme.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * One embedded Tomcat that deploys the web application in {@code args[0]} (a directory with WEB-INF/classes)
 * {@code args[1]} times, sends it {@code args[2]} requests each time, and undeploys it; then collects garbage
 * and prints {@code collected N of M} web-app class loaders. A leak through the agent (caches keyed by loader,
 * advice class loaders, thread locals) keeps them alive.
 */
public final class RedeployHost {
  public static void main(String[] args) throws Exception {
    String webapp = args[0];
    int deployments = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("redeploy-tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context root = tomcat.addContext("", null);
    Tomcat.addServlet(root, "peer", new Peer());
    root.addServletMapping("/peer", "peer");
    tomcat.start();
    String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();

    // one-time initialisation of H2 and the JDK's HTTP keep-alive and common pool, done by the host: done
    // first by a web application, it would pin that one's loader with or without an agent (context class
    // loader and access control context of the threads they start)
    DriverManager.getConnection("jdbc:h2:mem:redeploy;DB_CLOSE_DELAY=-1").close();
    CompletableFuture.supplyAsync(() -> "warm").join();
    get(base + "/peer");
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int d = 0; d < deployments; d++) {
      loaders.add(deployServeUndeploy(tomcat, webapp, base, requests));
    }
    int collected = 0;
    for (int i = 0; i < 50 && collected < deployments; i++) {
      System.gc();
      Thread.sleep(100);
      collected = 0;
      for (WeakReference<ClassLoader> ref : loaders) {
        collected += ref.get() == null ? 1 : 0;
      }
    }
    StringBuilder alive = new StringBuilder();
    for (int i = 0; i < loaders.size(); i++) {
      alive.append(loaders.get(i).get() == null ? "" : " " + i);
    }
    System.out.println("collected " + collected + " of " + deployments + (alive.length() == 0 ? "" : "; alive:" + alive));
    if (Boolean.getBoolean("redeploy.pause")) {
      System.out.println("paused " + ProcessHandle.current().pid());
      Thread.sleep(120_000);
    }
    tomcat.stop();
    tomcat.destroy();
  }

  /** In its own frame, so no local variable of this one keeps the last deployment reachable. */
  private static WeakReference<ClassLoader> deployServeUndeploy(Tomcat tomcat, String webapp, String base,
      int requests) throws IOException {
    Context app = tomcat.addContext("/app", webapp);
    Tomcat.addServlet(app, "work", "com.acme.webapp.WorkServlet");
    app.addServletMapping("/work", "work");
    ClassLoader loader = app.getLoader().getClassLoader();
    if (loader == RedeployHost.class.getClassLoader()) {
      throw new IllegalStateException("the web application must have its own class loader");
    }
    for (int r = 0; r < requests; r++) {
      String body = get(base + "/app/work?peer=" + base + "/peer");
      if (!body.equals("work 1 peer thread")) {
        throw new IllegalStateException("unexpected answer " + body);
      }
    }
    tomcat.getHost().removeChild(app); // stops and destroys it
    return new WeakReference<>(loader);
  }

  private static String get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      c.disconnect();
    }
  }

  /** The downstream peer of the web application, in the host's own context. */
  public static final class Peer extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print("peer");
    }
  }
}
