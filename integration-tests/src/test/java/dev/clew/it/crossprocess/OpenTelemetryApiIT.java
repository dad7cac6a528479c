package dev.clew.it.crossprocess;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.names;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.spanId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.ManualSpanApp;
import com.acme.app.OrdersApp;
import com.acme.shop.ReportServer;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application that uses the OpenTelemetry API and @WithSpan, run with the agent jar: its manual spans join
 * the request's trace between clew's SERVER span and clew's JDBC and HTTP spans, its baggage goes out with
 * clew's propagation, its own context values follow its tasks to other threads, and clew's classes stay out of
 * its reach. An application without the API loads none of the bridge.
 */
class OpenTelemetryApiIT {
  private static OtlpReceiver receiver;
  private static HeaderRecorder peer;
  private static ShopJvm shop;

  @BeforeAll
  static void start() throws Exception {
    receiver = OtlpReceiver.start();
    peer = HeaderRecorder.start();
    shop = ShopJvm.start(ShopJvm.app(ReportServer.class, "reports", receiver)
        .property("shop.downstream", peer.url()));
  }

  @AfterAll
  static void stop() throws Exception {
    ShopJvm.closeAll(shop, peer, receiver);
  }

  @Test
  void manualAndAnnotatedSpansNestBetweenClewsSpansAndBaggageGoesOut() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String caller = "00f067aa0ba902b7";
    String body = shop.get("/report", "traceparent", "00-" + trace + "-" + caller + "-01");
    // emea: a value the application put in the API's context reached its task on a pool thread
    assertEquals("report 2 2 200:ok emea hidden hidden", body,
        "and neither the bridge's class nor clew's is loadable by the application");

    List<Span> spans = ShopJvm.awaitTrace(receiver, trace, 6);
    assertEquals(6, spans.size(), () -> names(spans).toString());
    Span server = span(spans, "GET /report");
    Span build = span(spans, "build report");
    Span sales = span(spans, "SELECT sales");
    Span render = span(spans, "render report");
    Span prices = span(spans, "SELECT prices");
    Span call = span(spans, "GET");
    assertEquals(caller, parentSpanId(server));
    assertEquals(SpanKind.SPAN_KIND_SERVER, server.getKind());
    assertTrue(isChildOf(build, server), "the manual span is a child of clew's SERVER span");
    assertTrue(isChildOf(sales, build), "clew's JDBC span is a child of the manual span");
    assertTrue(isChildOf(render, build), "the @WithSpan span is a child of the manual span");
    assertTrue(isChildOf(prices, render), "clew's JDBC span is a child of the @WithSpan span");
    assertTrue(isChildOf(call, build), "clew's HTTP span is a child of the manual span");
    assertEquals("com.acme.reports", receiver.scopeOf(build).getName());
    assertEquals("2.0", receiver.scopeOf(build).getVersion());
    assertEquals("daily", attribute(build, "report.kind"));
    assertEquals(2L, attribute(render, "report.rows"));
    assertTrue(String.valueOf(attribute(build, "thread.name")).startsWith("http-nio"), build::toString);
    assertTrue(attribute(sales, "thread.id") instanceof Long);

    HeaderRecorder.Received received = peer.await("/from-api", Duration.ofSeconds(10));
    assertEquals("00-" + trace + "-" + spanId(call) + "-01", received.header("traceparent"), received::toString);
    assertEquals("tenant=acme", received.header("baggage"), "the API's baggage went out with clew's propagator");
  }

  @Test
  void anApplicationWithoutTheApiLoadsNoneOfTheBridge() throws Exception {
    String withoutApi = Stream.of(AgentJvm.applicationClasspath().split(File.pathSeparator))
        .filter(e -> !e.contains("opentelemetry-api") && !e.contains("opentelemetry-context")
            && !e.contains("opentelemetry-instrumentation-annotations"))
        .collect(Collectors.joining(File.pathSeparator));
    AgentJvm.Result without = AgentJvm.main(OrdersApp.class).classpath(withoutApi)
        .jvmArg("-verbose:class").property("otel.traces.exporter", "none").run(Duration.ofSeconds(60));
    assertEquals(0, without.exitCode(), without::toString);
    List<String> loaded = bridgeClasses(without.stdout());
    assertTrue(loaded.contains("dev.clew.instrumentation.otelapi.OpenTelemetryApiInstrumentationModule"),
        "the module itself is listed with the others: " + loaded);
    assertTrue(loaded.stream().allMatch(c -> c.endsWith(".OpenTelemetryApiInstrumentationModule")
        || c.contains(".ApiTypeInstrumentation")), "only the module's description: " + loaded);

    // the same check sees the bridge when an application uses the API
    AgentJvm.Result with = AgentJvm.main(ManualSpanApp.class).jvmArg("-verbose:class")
        .property("otel.traces.exporter", "none").run(Duration.ofSeconds(60));
    assertEquals(0, with.exitCode(), with::toString);
    assertTrue(with.stdout().contains("recording=true"), with::toString);
    List<String> bridge = bridgeClasses(with.stdout());
    assertTrue(bridge.contains("dev.clew.instrumentation.otelapi.BridgedOpenTelemetry"), bridge::toString);
    assertFalse(with.stderr().contains("[clew] WARN"), with::toString);
  }

  /** The classes of the bridge's package that -verbose:class reported loaded. */
  private static List<String> bridgeClasses(String verboseOutput) {
    return verboseOutput.lines()
        .filter(l -> l.contains("[class,load] dev.clew.instrumentation.otelapi."))
        .map(l -> l.substring(l.indexOf("] ") + 2).split(" ")[0])
        .collect(Collectors.toList());
  }
}
