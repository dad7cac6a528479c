package dev.clew.testing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A real HTTP server started once for a test class, a client for it, and the waits and span lookups
 * that server tests share ({@link HttpServerSuite}, container suites).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpServerTest {
  protected static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final EmbeddedServer server;
  private int port;

  protected HttpServerTest(EmbeddedServer server) {
    this.server = server;
  }

  @BeforeAll
  void start() throws Exception {
    port = server.start();
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  @BeforeEach
  void clearSpans() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors(), "advice errors were suppressed");
  }

  /** The port the server listens on. */
  protected int port() {
    return port;
  }

  protected HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(WAIT);
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The one SERVER span, named {@code name}, of the last request. */
  protected Span onlyServerSpan(String name) {
    List<Span> spans = await(s -> has(s, name));
    List<Span> server = serverSpans(spans);
    assertEquals(1, server.size(), "one SERVER span per request: " + AgentSpans.names(spans));
    assertEquals(name, server.get(0).getName());
    return server.get(0);
  }

  /** Waits until the spans finished so far satisfy {@code done}: a span may end just after the client got its response. */
  protected static List<Span> await(Predicate<List<Span>> done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Span> spans = AgentSpans.awaitSpans(0, WAIT);
      if (done.test(spans)) {
        return spans; // a duplicate span of the same request would have ended before the outermost one
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("spans did not arrive in time; got " + AgentSpans.names(spans));
      }
      sleep(20);
    }
  }

  protected static List<Span> serverSpans(List<Span> spans) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (s.getKind() == Span.SpanKind.SPAN_KIND_SERVER) {
        out.add(s);
      }
    }
    return out;
  }

  protected static boolean has(List<Span> spans, String name) {
    return !AgentSpans.spansNamed(spans, name).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
