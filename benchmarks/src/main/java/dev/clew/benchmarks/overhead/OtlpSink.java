package dev.clew.benchmarks.overhead;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The local OTLP/HTTP protobuf endpoint every agent exports to: it answers 200 at once and keeps the
 * start time of every span it receives, so spans per request can be counted over a measurement window
 * whatever the agents' export delays. Spans are found by walking the protobuf wire format (cheap: the
 * sink shares the machine with what it measures); the first requests of each run are also decoded with
 * the official {@code io.opentelemetry.proto} classes, and a disagreement fails the run.
 */
final class OtlpSink implements AutoCloseable {
  private static final int CHECKED_REQUESTS_PER_RUN = 3;

  private final HttpServer server;
  private final ExecutorService executor;
  private long[] startNanos = new long[1 << 16];
  private int spans;
  private int requests;
  private String failure;

  OtlpSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "otlp-sink");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/v1/traces", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets what earlier runs sent. */
  synchronized void reset() {
    spans = 0;
    requests = 0;
    failure = null;
  }

  synchronized int spans() {
    return spans;
  }

  /** Spans whose start lies in [fromMillis, toMillis). */
  synchronized int spansStartedBetween(long fromMillis, long toMillis) {
    long from = fromMillis * 1_000_000L;
    long to = toMillis * 1_000_000L;
    int n = 0;
    for (int i = 0; i < spans; i++) {
      if (startNanos[i] >= from && startNanos[i] < to) {
        n++;
      }
    }
    return n;
  }

  /** Why a request could not be read or its span count disagreed with the official decoding; null if none. */
  synchronized String failure() {
    return failure;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = gz.readAllBytes();
        }
      }
      receive(bytes);
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = "unreadable OTLP request: " + e;
      }
      exchange.sendResponseHeaders(400, -1);
    } finally {
      exchange.close();
    }
  }

  private void receive(byte[] bytes) throws IOException {
    long[] starts = new long[64];
    int n = 0;
    // ExportTraceServiceRequest.resource_spans(1) > ResourceSpans.scope_spans(2) > ScopeSpans.spans(2) > Span.start_time_unix_nano(7)
    ProtoReader request = new ProtoReader(bytes, 0, bytes.length);
    while (request.next()) {
      if (request.field != 1) {
        request.skip();
        continue;
      }
      ProtoReader resource = request.message();
      while (resource.next()) {
        if (resource.field != 2) {
          resource.skip();
          continue;
        }
        ProtoReader scope = resource.message();
        while (scope.next()) {
          if (scope.field != 2) {
            scope.skip();
            continue;
          }
          ProtoReader span = scope.message();
          long start = 0;
          while (span.next()) {
            if (span.field == 7 && span.wireType == 1) {
              start = span.fixed64();
            } else {
              span.skip();
            }
          }
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = start;
        }
      }
    }
    boolean check;
    synchronized (this) {
      check = requests++ < CHECKED_REQUESTS_PER_RUN;
    }
    if (check) {
      int official = 0;
      for (ResourceSpans rs : ExportTraceServiceRequest.parseFrom(bytes).getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          official += ss.getSpansCount();
        }
      }
      if (official != n) {
        synchronized (this) {
          failure = "span count " + n + " disagrees with the official decoding (" + official + ")";
        }
      }
    }
    synchronized (this) {
      if (spans + n > startNanos.length) {
        startNanos = Arrays.copyOf(startNanos, Math.max(startNanos.length * 2, spans + n));
      }
      System.arraycopy(starts, 0, startNanos, spans, n);
      spans += n;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Walks the fields of one protobuf message. */
  private static final class ProtoReader {
    private final byte[] b;
    private int pos;
    private final int end;
    int field;
    int wireType;

    ProtoReader(byte[] b, int from, int end) {
      this.b = b;
      this.pos = from;
      this.end = end;
    }

    boolean next() {
      if (pos >= end) {
        return false;
      }
      long tag = varint();
      field = (int) (tag >>> 3);
      wireType = (int) (tag & 7);
      return true;
    }

    ProtoReader message() {
      if (wireType != 2) {
        throw new IllegalStateException("field " + field + " is not length-delimited");
      }
      int len = (int) varint();
      ProtoReader sub = new ProtoReader(b, pos, pos + len);
      pos += len;
      return sub;
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (b[pos + i] & 0xffL) << (8 * i);
      }
      pos += 8;
      return v;
    }

    void skip() {
      switch (wireType) {
        case 0:
          varint();
          break;
        case 1:
          pos += 8;
          break;
        case 2:
          int length = (int) varint(); // not pos += varint(): that would add to pos as it was before the length
          pos += length;
          break;
        case 5:
          pos += 4;
          break;
        default:
          throw new IllegalStateException("wire type " + wireType);
      }
      if (pos > end) {
        throw new IllegalStateException("truncated message");
      }
    }

    private long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("malformed varint");
    }
  }
}
