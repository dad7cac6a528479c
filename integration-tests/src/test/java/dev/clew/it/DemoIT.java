package dev.clew.it;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo of ./demo.sh, run with the shaded agent and the file exporter: the shop and the pricing service in
 * their own JVMs, the driver's requests, then the span files read back (decoded with the official OTLP
 * classes) and the trace shape checked: services, span names, parent/child links across threads and
 * processes, the adopted upstream trace, the failing request.
 */
class DemoIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern TRACEPARENT = Pattern.compile(
      "POST /checkout\\?product=2&quantity=1 -> 201 +\\(traceparent 00-([0-9a-f]{32})-([0-9a-f]{16})-01\\)");

  @TempDir Path dir;
  private final Map<Span, String> services = new IdentityHashMap<>();

  private AgentJvm service(String name, String mainClass) {
    return AgentJvm.main(mainClass)
        .property("otel.service.name", name)
        .property("otel.traces.exporter", "file")
        .property("clew.exporter.file.path", dir.resolve(name + "-spans.jsonl").toString())
        .property("otel.bsp.schedule.delay", "200");
  }

  private static String url(AgentJvm.Running jvm, String service) throws InterruptedException {
    jvm.awaitOutput(service + " listening on", Duration.ofSeconds(90));
    Matcher m = LISTENING.matcher(jvm.stdout());
    assertTrue(m.find(), jvm.stdout());
    return m.group(1);
  }

  private List<Span> read(String service) throws IOException {
    List<Span> spans = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(service + "-spans.jsonl"), StandardCharsets.UTF_8)) {
      assertEquals(List.of(), OtlpJson.violations(line), line);
      ExportTraceServiceRequest req = OtlpJson.parse(line);
      for (ResourceSpans rs : req.getResourceSpansList()) {
        Object name = dev.clew.testing.AgentSpans.attributes(rs.getResource().getAttributesList()).get("service.name");
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span s : ss.getSpansList()) {
            spans.add(s);
            services.put(s, (String) name);
          }
        }
      }
    }
    return spans;
  }

  /** Instrumentation module classes bundled in the agent jar. */
  private static String bundledModules() throws IOException {
    try (ZipFile jar = new ZipFile(System.getProperty("clew.agent.jar"))) {
      var entry = jar.getEntry("inst/META-INF/services/dev.clew.core.instrument.InstrumentationModule");
      return entry == null ? "" : new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<Span> named(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  private static Span only(List<Span> spans, String name) {
    List<Span> found = named(spans, name);
    assertEquals(1, found.size(), () -> name + " in " + spans.stream().map(Span::getName).collect(Collectors.toList()));
    return found.get(0);
  }

  private static List<Span> inTrace(List<Span> spans, Span member) {
    return spans.stream().filter(s -> traceId(s).equals(traceId(member))).collect(Collectors.toList());
  }

  /** {@code java -jar clew-agent.jar ARGS}: output, after checking it exits with 0. */
  private static String cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("clew.agent.jar")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void theShopsTracesHaveTheExpectedShape() throws Exception {
    String modules = bundledModules();
    String driverOut;
    try (AgentJvm.Running pricing = service("pricing", "com.example.shop.PricingService").start()) {
      String pricingUrl = url(pricing, "pricing");
      try (AgentJvm.Running shop = service("shop", "com.example.shop.ShopService").args(pricingUrl).start()) {
        String shopUrl = url(shop, "shop");
        AgentJvm.Result driver = AgentJvm.main("com.example.shop.Driver").withoutAgent().args(shopUrl)
            .run(Duration.ofSeconds(60));
        assertEquals(0, driver.exitCode(), driver::toString);
        driverOut = driver.stdout();
        shop.stop(Duration.ofSeconds(30));
      }
      pricing.stop(Duration.ofSeconds(30));
    }
    assertTrue(driverOut.contains("GET /recommendations -> 500"), driverOut);
    assertTrue(driverOut.contains("POST /checkout?product=3&quantity=1 -> 409"), driverOut);
    Matcher upstream = TRACEPARENT.matcher(driverOut);
    assertTrue(upstream.find(), driverOut);

    List<Span> shop = read("shop");
    List<Span> pricing = read("pricing");
    shop.forEach(s -> assertEquals("shop", services.get(s)));
    pricing.forEach(s -> assertEquals("pricing", services.get(s)));
    String config = cli("config");
    assertTrue(config.lines().anyMatch(l -> l.startsWith("clew.exporter.file.path ")), config);
    if (!modules.contains(".servlet.jakarta.")) {
      // without the servlet module nothing in the demo starts a trace
      assertTrue(shop.isEmpty() && pricing.isEmpty(), "no servlet module, yet spans: " + shop + pricing);
      return;
    }
    List<Span> all = new ArrayList<>(shop);
    all.addAll(pricing);

    // the agent jar's own tools read the same files
    String files = dir.resolve("shop-spans.jsonl").toString();
    String view = cli("view", files, dir.resolve("pricing-spans.jsonl").toString());
    assertTrue(view.contains(all.size() + " spans in ") && !view.contains("unreadable"), view);
    assertTrue(view.lines().anyMatch(l -> l.startsWith("!? GET /recommendations") && l.contains("ERROR")), view);
    Path html = dir.resolve("traces.html");
    cli("html", files, dir.resolve("pricing-spans.jsonl").toString(), html.toString());
    assertEquals(all.size(), Files.readString(html).split("data-span-id=").length - 1);

    // the failing request: a SERVER span with status ERROR, 500 and the exception
    Span failing = only(shop, "GET /recommendations");
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, failing.getKind());
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, failing.getStatus().getCode());
    assertEquals(500L, attribute(failing, "http.response.status_code"));
    assertTrue(failing.getEventsList().stream().anyMatch(e -> e.getName().equals("exception")
        && dev.clew.testing.AgentSpans.attributes(e.getAttributesList()).get("exception.type")
            .equals("java.lang.IllegalStateException")), failing::toString);

    // the checkout with an upstream traceparent joins the caller's trace
    List<Span> checkouts = named(shop, "POST /checkout");
    assertEquals(2, checkouts.size(), () -> shop.stream().map(Span::getName).collect(Collectors.toList()).toString());
    Span checkout = checkouts.stream().filter(s -> traceId(s).equals(upstream.group(1))).findFirst()
        .orElseThrow(() -> new AssertionError("no checkout in the upstream trace " + upstream.group(1)));
    assertEquals(upstream.group(2), parentSpanId(checkout));
    assertEquals(201L, attribute(checkout, "http.response.status_code"));
    List<Span> trace = inTrace(all, checkout);

    if (modules.contains(".jdbc.")) {
      List<Span> queries = trace.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT
          && "shop".equals(services.get(s)) && attribute(s, "db.query.text") != null).collect(Collectors.toList());
      // stock and fraud checks on the pool, the update and the insert on the request thread
      assertEquals(4, queries.size(), queries::toString);
      Span insert = queries.stream().filter(s -> String.valueOf(attribute(s, "db.query.text")).startsWith("INSERT"))
          .findFirst().orElseThrow();
      assertTrue(isChildOf(insert, checkout), insert::toString);
      assertEquals("INSERT INTO orders (product_id, quantity, total) VALUES (?, ?, ?)", attribute(insert, "db.query.text"));
      if (modules.contains(".executors.")) {
        // queries run on pool threads still belong to the request (context carried across the hand-off)
        long stockChecks = queries.stream().filter(s -> String.valueOf(attribute(s, "db.query.text"))
            .startsWith("SELECT stock, sku FROM products")).filter(s -> isChildOf(s, checkout)).count();
        assertEquals(1, stockChecks, trace::toString);
      }
    }
    if (modules.contains(".javahttpclient.") && modules.contains(".executors.")) {
      // shop's pool thread calls pricing with java.net.http: CLIENT span, pricing's SERVER span under it
      Span pricingServer = trace.stream().filter(s -> "pricing".equals(services.get(s))
          && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).findFirst()
          .orElseThrow(() -> new AssertionError("pricing not in the checkout trace: " + trace));
      Span client = trace.stream().filter(s -> spanId(s).equals(parentSpanId(pricingServer))).findFirst()
          .orElseThrow(() -> new AssertionError("pricing's parent not in the trace: " + trace));
      assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, client.getKind());
      assertEquals("shop", services.get(client));
      assertTrue(isChildOf(client, checkout), client::toString);
      assertTrue(pricingServer.getName().startsWith("GET /prices"), pricingServer.getName());
    }
    // every span of the files belongs to a request: no stray roots (e.g. the schema script at start)
    for (Span s : all) {
      boolean root = parentSpanId(s).isEmpty();
      assertFalse(root && s.getKind() != Span.SpanKind.SPAN_KIND_SERVER, () -> "stray root span " + s);
    }
  }
}
