package dev.clew.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for tests, on 127.0.0.1 and a free port: accepts {@code POST /v1/traces} in
 * protobuf or JSON, gzip-compressed or not, decodes every request with the official classes and records
 * it with its headers. Answers 200 unless told otherwise: a few planned failures ({@link #failNext}), or a
 * fault until {@link #heal}: every request failed with a status ({@link #failAll}), connections closed with no
 * answer ({@link #resetConnections}), slow answers ({@link #delayResponses}), or nothing listening at all
 * ({@link #down}, then {@link #up} on the same port). Only spans of requests it answered with 2xx count as
 * received.
 */
public final class OtlpReceiver implements AutoCloseable {
  public static final String PATH = "/v1/traces";

  /** One request as it arrived. {@code body} is decompressed; {@code decoded} is null if it did not decode. */
  public record Request(String method, String path, Map<String, List<String>> headers, byte[] body,
      ExportTraceServiceRequest decoded, String decodeError, int status) {
    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isJson() {
      String type = header("content-type");
      return type != null && type.startsWith("application/json");
    }

    public boolean wasGzipped() {
      return "gzip".equalsIgnoreCase(header("content-encoding"));
    }

    /** The JSON body as text, for {@link OtlpJson#violations}; null for protobuf. */
    public String jsonBody() {
      return isJson() ? new String(body, StandardCharsets.UTF_8) : null;
    }
  }

  /** A response planned for the coming requests. */
  /** A response planned for the coming requests; {@code body} null: the usual empty or OTLP body. */
  private record Planned(int status, Map<String, String> headers, String contentType, byte[] body) {}

  private HttpServer server;
  private final int port;
  private final ExecutorService executor;
  private final List<Request> requests = new ArrayList<>();
  private final List<Span> spans = new ArrayList<>();
  private final Map<Span, ResourceSpans> resources = new IdentityHashMap<>();
  private final Map<Span, InstrumentationScope> scopes = new IdentityHashMap<>();
  private final Deque<Planned> planned = new ArrayDeque<>();
  private long partialSuccessRejected;
  private String partialSuccessMessage;
  private Duration delay = Duration.ZERO;
  private Planned failAll;
  private boolean reset;
  private ClosedPort held; // while down: the port, kept from other listeners until up()

  private OtlpReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.port = server.getAddress().getPort();
    this.executor = executor;
  }

  /** Starts a receiver on 127.0.0.1 and a free port. */
  public static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "otlp-receiver");
        t.setDaemon(true);
        return t;
      });
      OtlpReceiver receiver = new OtlpReceiver(server, executor);
      receiver.serve(server);
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(HttpServer s) {
    s.createContext("/", this::handle);
    s.setExecutor(executor);
    s.start();
  }

  public int port() {
    return port;
  }

  /** Stops listening: connections are refused until {@link #up}, and nothing else can listen there meanwhile. */
  public synchronized void down() {
    server.stop(0);
    try {
      held = ClosedPort.hold(port);
    } catch (UncheckedIOException e) {
      held = null; // refused all the same; only not guarded against another listener
    }
  }

  /** Listens again on the same port. */
  public synchronized void up() {
    if (held != null) {
      held.close();
      held = null;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        serve(server);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException("cannot listen on port " + port + " again", e);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
      }
    }
  }

  /** Every request is answered with {@code status} (and these headers) until {@link #heal}. */
  public synchronized void failAll(int status, Map<String, String> headers) {
    failAll = new Planned(status, Map.copyOf(headers), null, null);
  }

  /** Every connection is closed without an answer (the client sees a reset) until {@link #heal}. */
  public synchronized void resetConnections() {
    reset = true;
  }

  /** Ends {@link #failAll}, {@link #resetConnections} and {@link #delayResponses}. */
  public synchronized void heal() {
    failAll = null;
    reset = false;
    delay = Duration.ZERO;
  }

  /** The base URL, for {@code otel.exporter.otlp.endpoint} (the exporter appends {@code /v1/traces}). */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** The full URL, for {@code otel.exporter.otlp.traces.endpoint}. */
  public String tracesUrl() {
    return endpoint() + PATH;
  }

  /** The next {@code times} requests are answered with {@code status} (e.g. 503), then 200 again. */
  public void failNext(int times, int status) {
    failNext(times, status, Map.of());
  }

  /** As {@link #failNext(int, int)}, with response headers such as {@code Retry-After}. */
  public synchronized void failNext(int times, int status, Map<String, String> headers) {
    for (int i = 0; i < times; i++) {
      planned.add(new Planned(status, Map.copyOf(headers), null, null));
    }
  }

  /** The next request is answered with {@code status} and this body (what a proxy or a backend may echo). */
  public synchronized void failNextWithBody(int status, String contentType, String body) {
    planned.add(new Planned(status, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Successful responses carry a partial success saying this many spans were rejected, with a message. */
  public synchronized void respondPartialSuccess(long rejectedSpans, String message) {
    partialSuccessRejected = rejectedSpans;
    partialSuccessMessage = message;
  }

  /** Waits this long before answering each request (a slow backend). */
  public synchronized void delayResponses(Duration d) {
    delay = d;
  }

  /** Every request so far, answered or not, in arrival order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Spans of the requests answered with 2xx so far. */
  public synchronized List<Span> spans() {
    return List.copyOf(spans);
  }

  /** Waits until at least {@code atLeast} spans were received; returns all. Fails with the names seen. */
  public synchronized List<Span> awaitSpans(int atLeast, Duration timeout) {
    await(spans, atLeast, timeout, "spans");
    return List.copyOf(spans);
  }

  /** Waits until at least {@code atLeast} requests arrived (whatever the answer); returns all. */
  public synchronized List<Request> awaitRequests(int atLeast, Duration timeout) {
    await(requests, atLeast, timeout, "requests");
    return List.copyOf(requests);
  }

  private void await(List<?> growing, int atLeast, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (growing.size() < atLeast) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected at least " + atLeast + " " + what + " within " + timeout + ", got "
            + growing.size() + "; spans: " + AgentSpans.names(spans) + " in " + requests.size() + " requests");
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  /** The resource a received span came with. */
  public synchronized Resource resourceOf(Span span) {
    ResourceSpans rs = resources.get(span);
    if (rs == null) {
      throw new IllegalArgumentException("span " + span.getName() + " was not received here");
    }
    return rs.getResource();
  }

  /** The instrumentation scope a received span came with. */
  public synchronized InstrumentationScope scopeOf(Span span) {
    InstrumentationScope s = scopes.get(span);
    if (s == null) {
      throw new IllegalArgumentException("span " + span.getName() + " was not received here");
    }
    return s;
  }

  /** Forgets requests, spans and planned failures. */
  public synchronized void clear() {
    requests.clear();
    spans.clear();
    resources.clear();
    scopes.clear();
    planned.clear();
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    if (held != null) {
      held.close();
    }
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      boolean json = contentType(headers).startsWith("application/json");
      byte[] body = raw;
      ExportTraceServiceRequest decoded = null;
      String error = null;
      int status;
      Planned plan;
      Duration wait;
      boolean closeWithoutAnswer;
      synchronized (this) {
        plan = failAll != null ? failAll : planned.poll();
        wait = delay;
        closeWithoutAnswer = reset;
      }
      if (closeWithoutAnswer) {
        record(new Request(method, exchange.getRequestURI().getPath(), headers, raw, null, "connection reset", -1));
        return; // closing an exchange that sent no headers closes the connection
      }
      if (!"POST".equals(method) || !PATH.equals(path)) {
        status = "POST".equals(method) ? 404 : 405;
      } else {
        try {
          body = decompress(raw, headers);
          decoded = json ? OtlpJson.parse(new String(body, StandardCharsets.UTF_8))
              : ExportTraceServiceRequest.parseFrom(body);
        } catch (Exception e) {
          error = e.toString();
        }
        status = plan != null ? plan.status() : decoded == null ? 400 : 200;
      }
      if (!wait.isZero()) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      record(new Request(method, path, headers, body, decoded, error, status));
      byte[] response = plan != null && plan.body() != null ? plan.body()
          : status / 100 == 2 ? successBody(json) : new byte[0];
      if (plan != null) {
        plan.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      }
      exchange.getResponseHeaders().add("Content-Type", plan != null && plan.contentType() != null ? plan.contentType()
          : json ? "application/json" : "application/x-protobuf");
      exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response);
        }
      }
    }
  }

  private synchronized void record(Request request) {
    requests.add(request);
    if (request.decoded() != null && request.status() / 100 == 2) {
      for (ResourceSpans rs : request.decoded().getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span s : ss.getSpansList()) {
            spans.add(s);
            resources.put(s, rs);
            scopes.put(s, ss.getScope());
          }
        }
      }
    }
    notifyAll();
  }

  private synchronized byte[] successBody(boolean json) {
    ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
    if (partialSuccessRejected != 0 || partialSuccessMessage != null) {
      ExportTracePartialSuccess.Builder p = ExportTracePartialSuccess.newBuilder().setRejectedSpans(partialSuccessRejected);
      if (partialSuccessMessage != null) {
        p.setErrorMessage(partialSuccessMessage);
      }
      r.setPartialSuccess(p);
    }
    if (!json) {
      return r.build().toByteArray();
    }
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(r).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentType(Map<String, List<String>> headers) {
    List<String> v = headers.get("content-type");
    return v == null || v.isEmpty() ? "" : v.get(0).toLowerCase(Locale.ROOT);
  }

  private static byte[] decompress(byte[] raw, Map<String, List<String>> headers) throws IOException {
    List<String> enc = headers.get("content-encoding");
    if (enc == null || enc.isEmpty() || "identity".equalsIgnoreCase(enc.get(0))) {
      return raw;
    }
    if (!"gzip".equalsIgnoreCase(enc.get(0))) {
      throw new IOException("unsupported content-encoding " + enc.get(0));
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }
}
