package dev.clew.it.crossprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The downstream HTTP peer of the applications, in the test JVM (which has no agent): answers 200 "ok" and
 * records each request's path, query and headers (names lower case), to show what a service propagated.
 */
final class HeaderRecorder implements AutoCloseable {
  record Received(String path, String query, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }

    /**
     * This request carries the span {@code parent} of trace {@code trace} in the formats {@code propagators}
     * names, and no W3C {@code traceparent} unless configured; with baggage configured, {@code tenant=acme}.
     */
    void assertPropagated(String propagators, String trace, String parent) {
      switch (propagators) {
        case "tracecontext,baggage" -> {
          assertEquals("00-" + trace + "-" + parent + "-01", header("traceparent"), this::toString);
          assertTrue(String.valueOf(header("baggage")).contains("tenant=acme"),
              "baggage from A reached B and B passed it on: " + this);
        }
        case "b3" -> assertEquals(trace + "-" + parent + "-1", header("b3"), this::toString);
        case "b3multi" -> {
          assertEquals(trace, header("x-b3-traceid"), this::toString);
          assertEquals(parent, header("x-b3-spanid"), this::toString);
          assertEquals("1", header("x-b3-sampled"), this::toString);
        }
        case "jaeger" -> assertTrue(String.valueOf(header("uber-trace-id")).toLowerCase(Locale.ROOT)
            .startsWith(trace + ":" + parent + ":"), this::toString);
        default -> throw new AssertionError(propagators);
      }
      if (!propagators.contains("tracecontext")) {
        assertNull(header("traceparent"), "only the configured format is injected");
      }
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();

  private HeaderRecorder(HttpServer server) {
    this.server = server;
  }

  static HeaderRecorder start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HeaderRecorder recorder = new HeaderRecorder(server);
    server.createContext("/", exchange -> {
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      synchronized (recorder) {
        recorder.received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
            headers));
        recorder.notifyAll();
      }
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return recorder;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The one request received on {@code path}; waits a little for it. */
  synchronized Received await(String path, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Received> found = new ArrayList<>();
      for (Received r : received) {
        if (r.path().equals(path)) {
          found.add(r);
        }
      }
      if (found.size() > 1) {
        throw new AssertionError("more than one request on " + path + ": " + found);
      }
      if (found.size() == 1) {
        return found.get(0);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no request on " + path + "; received " + received);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized void clear() {
    received.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
