package dev.clew.it.export;

import dev.clew.testing.ClosedPort;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server} exec jar, in-memory storage) on 127.0.0.1 and a
 * free port, in its own JVM. The jar is copied to {@code target/zipkin} by the build
 * (system property {@code clew.zipkin.jar}).
 */
final class ZipkinServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ZipkinServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ZipkinServer start() throws Exception {
    String jar = System.getProperty("clew.zipkin.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("clew.zipkin.jar does not name the zipkin-server exec jar: " + jar);
    }
    try (ClosedPort reserved = ClosedPort.reserve()) { // held from others while Zipkin starts, for minutes
      int port = reserved.port();
      Path log = Files.createTempFile("zipkin", ".log");
      Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g", "-jar", jar,
          "--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1",
          "--armeria.ports[0].protocols[0]=http"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      ZipkinServer z = new ZipkinServer(p, port, log);
      z.awaitHealthy(Duration.ofMinutes(3));
      return z;
    }
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("zipkin exited: " + Files.readString(log));
      }
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("zipkin did not become healthy in " + timeout + ": " + Files.readString(log));
  }

  String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The trace as Zipkin's query API returns it, once it holds at least {@code spans} spans (ingest
   * answers before spans are queryable, so this polls).
   */
  String awaitTrace(String traceIdHex, int spans, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get("/api/v2/trace/" + traceIdHex);
      if (r.statusCode() == 200) {
        last = r.body();
        if (count(last, "\"traceId\"") >= spans) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("zipkin did not return " + spans + " spans of trace " + traceIdHex + ": " + last);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Override
  public void close() throws java.io.IOException {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(log);
  }
}
