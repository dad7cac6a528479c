package dev.clew.cli;

import dev.clew.core.export.TestSpan;
import dev.clew.core.export.file.FileSpanExporter;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A span file as the file exporter writes it, from two services: a checkout trace whose pricing call
 * arrives at a host whose clock runs 4 ms behind (the server span starts before its client parent), a
 * failing request, a server span whose caller's span is not in the file, and two unreadable lines (garbage
 * and a line torn in half, as a crash leaves it).
 */
final class RecordedTraces {
  static final long T0 = 1_763_000_000_000_000_000L;
  static final long MS = 1_000_000L;
  static final long CHECKOUT_TRACE = 0x4bf92f3577b34da6L;
  static final long ERROR_TRACE = 0x0af7651916cd43ddL;
  static final long FRAGMENT_TRACE = 0x7d1e2c3b4a596877L;

  private RecordedTraces() {}

  static TestSpan span(long traceLow, long spanId, long parentId, String service, String name, SpanKind kind,
      long startMs, long endMs) {
    TestSpan s = new TestSpan();
    s.context = SpanContext.create(0x1111L, traceLow, spanId, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    s.parent = parentId == 0 ? SpanContext.INVALID
        : SpanContext.create(0x1111L, traceLow, parentId, SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
    s.resource = new Resource(Attributes.of("service.name", service));
    s.name = name;
    s.kind = kind;
    s.start = T0 + startMs * MS;
    s.end = T0 + endMs * MS;
    s.attributes = Attributes.unlimited();
    return s;
  }

  static List<SpanData> spans() {
    List<SpanData> out = new ArrayList<>();
    TestSpan root = span(CHECKOUT_TRACE, 0x100, 0, "shop", "POST /checkout", SpanKind.SERVER, 0, 100);
    root.attributes.put("http.request.method", "POST").put("http.route", "/checkout")
        .put("url.path", "/checkout").put("http.response.status_code", 201L);
    out.add(root);
    TestSpan select = span(CHECKOUT_TRACE, 0x101, 0x100, "shop", "SELECT shop.products", SpanKind.CLIENT, 10, 20);
    select.attributes.put("db.system.name", "h2").put("db.query.text",
        "SELECT stock, sku FROM products WHERE id = ? AND warehouse IN (?, ?, ?) AND reserved = ? ORDER BY sku")
        .put("server.address", "localhost");
    out.add(select);
    TestSpan client = span(CHECKOUT_TRACE, 0x102, 0x100, "shop", "GET", SpanKind.CLIENT, 30, 80);
    client.attributes.put("http.request.method", "GET").put("server.address", "pricing.internal")
        .put("server.port", 8081L).put("http.response.status_code", 200L);
    out.add(client);
    // pricing's clock is 4 ms behind: its server span "starts" before the client span that called it
    TestSpan server = span(CHECKOUT_TRACE, 0x200, 0x102, "pricing", "GET /prices/{sku}", SpanKind.SERVER, 26, 70);
    server.attributes.put("http.route", "/prices/{sku}").put("http.response.status_code", 200L);
    out.add(server);
    TestSpan send = span(CHECKOUT_TRACE, 0x103, 0x100, "shop", "orders publish", SpanKind.PRODUCER, 85, 90);
    send.attributes.put("messaging.system", "kafka").put("messaging.destination.name", "orders");
    out.add(send);

    TestSpan failing = span(ERROR_TRACE, 0x300, 0, "shop", "GET /recommendations", SpanKind.SERVER, 200, 203);
    failing.status = StatusCode.ERROR;
    failing.attributes.put("http.route", "/recommendations").put("http.response.status_code", 500L)
        .put("error.type", "java.lang.IllegalStateException");
    failing.events.add(new SpanEvent("exception", T0 + 202 * MS, Attributes.of("exception.type",
        "java.lang.IllegalStateException", "exception.message", "recommendation model is not loaded <&>",
        "exception.stacktrace", "java.lang.IllegalStateException: ...\n\tat com.example.Shop.recommend")));
    out.add(failing);

    // the caller (an upstream gateway) exports elsewhere: its span is not in this file
    TestSpan orphan = span(FRAGMENT_TRACE, 0x400, 0xabcdef, "shop", "GET /products/{id}", SpanKind.SERVER, 300, 310);
    orphan.attributes.put("http.route", "/products/{id}").put("http.response.status_code", 200L);
    out.add(orphan);
    out.add(span(FRAGMENT_TRACE, 0x401, 0x400, "shop", "SELECT shop.products", SpanKind.CLIENT, 302, 303));
    return out;
  }

  /** Writes the spans with the real file exporter, then the two unreadable lines. */
  static Path write(Path dir) throws IOException {
    Path file = dir.resolve("recorded.jsonl");
    FileSpanExporter exporter = new FileSpanExporter(file.toFile(), 1 << 20, 1);
    List<SpanData> spans = spans();
    // the order of a real file: spans are written as they end, children first
    List<SpanData> byEnd = new ArrayList<>(spans);
    byEnd.sort((a, b) -> Long.compare(a.endEpochNanos(), b.endEpochNanos()));
    if (!exporter.export(byEnd.subList(0, 4)).isSuccess()
        || !exporter.export(byEnd.subList(4, byEnd.size())).isSuccess()) {
      throw new IOException("export failed");
    }
    exporter.shutdown();
    String valid = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    Files.writeString(file, "this is not json\n\n" + valid.substring(0, valid.length() / 2) + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return file;
  }

  static String hexSpan(long id) {
    return String.format("%016x", id);
  }

  static String hexTrace(long low) {
    return String.format("%016x%016x", 0x1111L, low);
  }
}
