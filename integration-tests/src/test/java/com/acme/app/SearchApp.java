package com.acme.app;

import com.acme.shop.Http;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * A search service on embedded Tomcat that calls itself: main GETs {@code /outbound?QUERY} (QUERY is the
 * first argument), which calls {@code /search?QUERY} once with HttpURLConnection and once with
 * java.net.http.HttpClient. Three CLIENT and three SERVER spans, every one of them carrying the query.
 */
public final class SearchApp {
  private static int port;

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("search-tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "search", new Search());
    context.addServletMapping("/search", "search");
    Tomcat.addServlet(context, "outbound", new Outbound());
    context.addServletMapping("/outbound", "outbound");
    tomcat.start();
    port = tomcat.getConnector().getLocalPort();
    System.out.println("outbound " + Http.get(url("/outbound?" + args[0])));
    tomcat.stop();
    tomcat.destroy();
  }

  static String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + pathAndQuery;
  }

  public static final class Search extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().print("found");
    }
  }

  public static final class Outbound extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String target = url("/search?" + req.getQueryString());
      resp.getWriter().print(Http.get(target) + " " + Http.send(target));
    }
  }
}
