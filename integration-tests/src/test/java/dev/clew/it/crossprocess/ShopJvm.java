package dev.clew.it.crossprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ShopServer} in a child JVM with the agent; {@link #close} closes its stdin so it stops Tomcat
 * and exits by itself, and checks it exited 0 without agent warnings.
 */
final class ShopJvm implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(60);
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final AgentJvm.Running running;
  private final int port;

  private ShopJvm(AgentJvm.Running running, int port) {
    this.running = running;
    this.port = port;
  }

  /** An agent JVM exporting to {@code receiver} quickly, as every application in these tests does. */
  static AgentJvm app(Class<?> main, String service, OtlpReceiver receiver) {
    return AgentJvm.main(main)
        .property("otel.service.name", service)
        .property("otel.exporter.otlp.endpoint", receiver.endpoint())
        .property("otel.bsp.schedule.delay", "100");
  }

  static ShopJvm start(AgentJvm jvm) throws Exception {
    AgentJvm.Running running = jvm.start();
    try {
      running.awaitOutput("listening ", START);
      String out = running.stdout();
      int at = out.indexOf("listening ") + "listening ".length();
      int end = out.indexOf('\n', at);
      return new ShopJvm(running, Integer.parseInt(out.substring(at, end).trim()));
    } catch (Throwable t) {
      running.close();
      throw t;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A GET from the test JVM (no agent), with extra headers as name/value pairs; returns the body. */
  String get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), () -> r.body() + "\n" + running.stderr());
    return r.body();
  }

  @Override
  public void close() throws IOException {
    AgentJvm.Result result = stop(Duration.ofSeconds(30));
    assertExitedCleanly(result);
  }

  /** Closes its stdin so it stops, waits for it to exit and checks it stopped by itself; returns its output. */
  AgentJvm.Result stop(Duration timeout) throws IOException {
    try {
      running.process().getOutputStream().close();
      AgentJvm.Result result = running.await(timeout);
      assertTrue(result.stdout().contains("stopped"), result::toString);
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the shop stopped", e);
    } finally {
      running.close();
    }
  }

  /** Closes each of {@code resources} (nulls skipped) in order, even when an earlier one fails; rethrows the first failure. */
  static void closeAll(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable r : resources) {
      try {
        if (r != null) {
          r.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Waits until the trace {@code traceId} (hex) has at least {@code atLeast} spans and returns them. */
  static List<Span> awaitTrace(OtlpReceiver receiver, String traceId, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<Span> out = new ArrayList<>();
      for (Span s : receiver.spans()) {
        if (AgentSpans.traceId(s).equals(traceId)) {
          out.add(s);
        }
      }
      if (out.size() >= atLeast) {
        return out;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("trace " + traceId + " has " + AgentSpans.names(out) + ", expected at least "
            + atLeast + " spans; all: " + AgentSpans.names(receiver.spans()));
      }
      Thread.sleep(50);
    }
  }

  /** The spans of {@code member}'s trace. */
  static List<Span> trace(List<Span> spans, Span member) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (s.getTraceId().equals(member.getTraceId())) {
        out.add(s);
      }
    }
    return out;
  }

  /** Exit 0, and the agent neither warned nor failed. */
  static void assertExitedCleanly(AgentJvm.Result result) {
    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(result.stderr().contains("[clew] ERROR"), result::toString);
    assertFalse(result.stderr().contains("[clew] WARN"), result::toString);
    assertFalse(result.stderr().contains("Exception"), result::toString);
  }
}
