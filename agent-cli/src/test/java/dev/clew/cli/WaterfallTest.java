package dev.clew.cli;

import static dev.clew.cli.RecordedTraces.hexSpan;
import static dev.clew.cli.RecordedTraces.hexTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code view FILE}: terminal waterfalls from a recorded span file. */
class WaterfallTest {
  @TempDir Path dir;

  static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String line(String output, String contains) {
    List<String> lines = Arrays.stream(output.split("\n")).filter(l -> l.contains(contains)
        && !l.startsWith("trace ") && !l.startsWith("  ~") && !l.startsWith("  ?")).collect(Collectors.toList());
    assertEquals(1, lines.size(), "one line with '" + contains + "' in\n" + output);
    return lines.get(0);
  }

  /** Leading spaces of the span name, after the two marker columns and a space. */
  private static int indent(String line, String name) {
    return line.indexOf(name) - 3;
  }

  private static int barStart(String line) {
    int open = line.indexOf('|');
    return line.indexOf('#', open) - open;
  }

  @Test
  void oneBlockPerTraceSpansIndentedByDepthWithKeyAttributes() throws Exception {
    String out = run("view", RecordedTraces.write(dir).toString());
    assertEquals(3, out.lines().filter(l -> l.startsWith("trace ")).count(), out);
    assertTrue(out.contains("trace " + hexTrace(RecordedTraces.CHECKOUT_TRACE) + "  POST /checkout  (5 spans, shop, pricing, 100.0 ms)"), out);

    String root = line(out, "POST /checkout  ");
    String select = line(out, "SELECT stock");
    String client = line(out, "pricing.internal");
    String pricing = line(out, "GET /prices/{sku}");
    assertEquals(0, indent(root, "POST /checkout"));
    assertEquals(2, indent(select, "SELECT shop.products"));
    assertEquals(2, indent(client, "GET "));
    assertEquals(4, indent(pricing, "GET /prices/{sku}"));
    assertTrue(root.contains("SERVER") && root.contains("100.0 ms") && root.contains("/checkout  201"), root);
    assertTrue(select.contains("CLIENT") && select.contains("10.0 ms"), select);
    // long queries are shortened
    assertTrue(select.contains("SELECT stock, sku FROM products WHERE id = ? AND warehous...")
        && !select.contains("ORDER BY"), select);
    assertTrue(client.contains("-> pricing.internal:8081") && client.contains("200"), client);
    assertTrue(pricing.contains("pricing") && pricing.contains("/prices/{sku}  200"), pricing);
    assertTrue(line(out, "orders publish").contains("destination=orders"), out);

    // children after their parent, in start order
    assertTrue(out.indexOf(select) < out.indexOf(client) && out.indexOf(client) < out.indexOf(pricing)
        && out.indexOf(pricing) < out.indexOf("orders publish"), out);
    // the bar: the root spans the whole width; the select starts a tenth in
    assertEquals(1, barStart(root));
    assertEquals(1 + 4, barStart(select), select);
    assertFalse(out.contains("\u001b["), "no colour unless asked for or on a terminal");
    assertTrue(out.contains("8 spans in 3 traces from") && out.contains("2 unreadable lines skipped"), out);
  }

  @Test
  void aChildStartingBeforeItsParentIsClampedAndSaidSo() throws Exception {
    String out = run("view", RecordedTraces.write(dir).toString());
    String client = line(out, "pricing.internal");
    String pricing = line(out, "GET /prices/{sku}");
    assertEquals('~', pricing.charAt(1), pricing);
    assertEquals(barStart(client), barStart(pricing), "bar clamped to the parent's start\n" + out);
    assertTrue(out.contains("~ GET /prices/{sku} (pricing): starts 4.0 ms before its parent"), out);
    assertTrue(pricing.contains("44.0 ms"), "the duration is the span's own: " + pricing);
  }

  @Test
  void aSpanWhoseParentIsMissingIsTheMarkedRootOfItsFragment() throws Exception {
    String out = run("view", RecordedTraces.write(dir).toString());
    String orphan = line(out, "GET /products/{id}");
    assertEquals('?', orphan.charAt(1), orphan);
    assertEquals(0, indent(orphan, "GET /products/{id}"));
    assertTrue(out.contains("? GET /products/{id}: parent " + hexSpan(0xabcdef) + " is not in the file"), out);
    String child = out.lines().filter(l -> l.contains("SELECT shop.products") && l.contains("1.0 ms"))
        .findFirst().orElseThrow();
    assertEquals(2, indent(child, "SELECT shop.products"), out);
  }

  @Test
  void errorsAreMarkedWithoutColourAndInRedWithIt() throws Exception {
    Path file = RecordedTraces.write(dir);
    String plain = run("view", file.toString());
    String error = line(plain, "GET /recommendations  ");
    assertEquals('!', error.charAt(0), error);
    assertTrue(error.contains("ERROR") && error.contains("500")
        && error.contains("java.lang.IllegalStateException: recommendation model is not loaded"), error);
    assertTrue(plain.contains("1 error)"), plain);
    assertTrue(plain.contains("markers: ! error"), plain);

    String colour = run("view", "--color", file.toString());
    assertTrue(colour.contains("\u001b[31m! "), "error line in red:\n" + colour);
    String noColour = run("view", "--no-color", file.toString());
    assertEquals(plain, noColour);
  }

  @Test
  void spansReadBackAsWritten() throws Exception {
    SpanFileReader reader = new SpanFileReader();
    reader.read(RecordedTraces.write(dir));
    assertEquals(8, reader.spans.size());
    assertEquals(2, reader.brokenLines);
    FileSpan failing = reader.spans.stream().filter(s -> s.name.equals("GET /recommendations")).findFirst()
        .orElseThrow();
    assertEquals(hexTrace(RecordedTraces.ERROR_TRACE), failing.traceId);
    assertEquals(hexSpan(0x300), failing.spanId);
    assertEquals("", failing.parentSpanId);
    assertEquals("SERVER", failing.kind);
    assertEquals("ERROR", failing.status);
    assertEquals("shop", failing.service);
    assertEquals("clew.test", failing.scope);
    assertEquals("500", failing.attributes.get("http.response.status_code"));
    assertEquals(3 * RecordedTraces.MS, failing.durationNanos());
    assertEquals("java.lang.IllegalStateException: recommendation model is not loaded <&>", failing.exception());
  }

  @Test
  void unknownFieldsAreIgnoredAndEnumNamesTolerated() throws Exception {
    String line = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
        + "{\"stringValue\":\"svc\"}}],\"future\":{\"a\":[1,2]}},\"scopeSpans\":[{\"spans\":[{\"traceId\":"
        + "\"5B8EFFF798038103D269B633813FC60C\",\"spanId\":\"EEE19B7EC3C1B174\",\"name\":\"x\",\"kind\":"
        + "\"SPAN_KIND_CLIENT\",\"startTimeUnixNano\":1000,\"endTimeUnixNano\":\"3000\",\"unknown\":null,"
        + "\"attributes\":[{\"key\":\"tags\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"},"
        + "{\"intValue\":\"2\"}]}}}],\"status\":{\"code\":2}}]}]}]}";
    SpanFileReader reader = new SpanFileReader();
    reader.read(new java.io.StringReader(line + "\n{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"no ids\"}]}]}]}\n"));
    assertEquals(1, reader.spans.size());
    assertEquals(1, reader.brokenLines, "a span without ids is unreadable");
    FileSpan s = reader.spans.get(0);
    assertEquals("5b8efff798038103d269b633813fc60c", s.traceId);
    assertEquals("CLIENT", s.kind);
    assertEquals(2000, s.durationNanos());
    assertEquals("[a, 2]", s.attributes.get("tags"));
    assertEquals("ERROR", s.status);
  }

  @Test
  void noArgumentsPrintsVersionAndUsage() {
    String out = run();
    assertTrue(out.startsWith("clew "), out);
    assertTrue(out.contains("view FILE") && out.contains("html FILE") && out.contains("config"), out);
  }
}
