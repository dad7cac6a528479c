package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.testing.servlet.jakarta.AppServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Prints the mean latency of sequential requests to a Jetty 12 servlet; run it with and without the
 * agent (the test JVM's argLine) to see the per-request cost of the SERVER span. Not a test: it
 * prints figures and asserts nothing. {@code java -cp <test classpath> ...ServletOverheadBenchmark [requests]}
 */
public final class ServletOverheadBenchmark {
  private ServletOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new AppServlet()), "/hello");
    server.setHandler(context);
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/hello"))
          .build();
      run(client, request, requests / 2); // warm-up
      long begin = System.nanoTime();
      run(client, request, requests);
      long elapsed = System.nanoTime() - begin;
      System.out.printf("%d requests, mean %.1f us/request (agent %s)%n", requests, elapsed / 1000.0 / requests,
          agentAttached() ? "on" : "off");
    } finally {
      server.stop();
    }
  }

  private static boolean agentAttached() {
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-javaagent:")) {
        return true;
      }
    }
    return false;
  }

  private static void run(HttpClient client, HttpRequest request, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    }
  }
}
