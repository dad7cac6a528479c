package dev.clew.it.config;

import static dev.clew.testing.AgentSpans.names;
import static dev.clew.testing.AgentSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values that make no sense get one warning each, naming the key (with any credentials in the value
 * masked) and the default used instead; the application runs and is traced with the defaults.
 */
class BadConfigurationIT {
  private static final String METHODS = "com.acme.app.OrdersApp$OrderService[place,cancel];com.acme.app.OrdersApp$Repository[*]";

  /** Key to the warning's tail, for the values {@link #run} sets besides the endpoint. */
  private static final Map<String, String> EXPECTED = Map.of(
      "otel.traces.sampler.arg", "invalid value '0' for otel.traces.sampler.arg: expected a number above 0; using 100.0",
      "otel.span.attribute.count.limit", "invalid value '-1' for otel.span.attribute.count.limit: expected 0 or a positive integer; using 128",
      "otel.span.event.count.limit", "invalid value '-5' for otel.span.event.count.limit: expected 0 or a positive integer; using 128",
      "otel.exporter.otlp.timeout", "invalid value '0' for otel.exporter.otlp.timeout: expected a positive duration such as 500ms, 5s or 1m; using 10s",
      "clew.kafka.process.parent", "invalid value 'consumer' for clew.kafka.process.parent: expected one of producer, poll; using producer");

  @ParameterizedTest(name = "endpoint {0}")
  @CsvSource(delimiter = '|', value = {
      "http://user:PW-secret@collector :4318/?token=tok-secret | invalid value 'http://REDACTED:REDACTED@collector :4318/?token=REDACTED' for otel.exporter.otlp.endpoint: expected a URL without spaces (percent-encode them as %20); using http://localhost:4318",
      "collector:4318 | invalid value 'collector:4318' for otel.exporter.otlp.endpoint: expected an http:// or https:// URL such as http://collector:4318 (the scheme is missing); using http://localhost:4318",
  })
  void eachBadValueWarnsOnceAndTheDefaultsTrace(String endpoint, String endpointWarning) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
          .property("clew.trace.methods", METHODS)
          .property("otel.exporter.otlp.traces.endpoint", receiver.tracesUrl())
          .property("otel.exporter.otlp.endpoint", endpoint)
          .property("otel.traces.sampler", "clew.ratelimiting")
          .property("otel.traces.sampler.arg", "0")
          .property("otel.span.attribute.count.limit", "-1")
          .property("otel.span.event.count.limit", "-5")
          .property("otel.exporter.otlp.timeout", "0")
          .property("clew.kafka.process.parent", "consumer")
          .run(Duration.ofSeconds(90));
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stdout().contains("caught java.lang.IllegalStateException: no order missing from delete"), r::toString);

      List<String> warnings = r.stderr().lines().filter(l -> l.startsWith("[clew] WARN")).toList();
      assertTrue(warnings.contains("[clew] WARN " + endpointWarning), r::toString);
      EXPECTED.forEach((key, warning) -> assertTrue(warnings.contains("[clew] WARN " + warning), key + "\n" + r));
      assertEquals(EXPECTED.size() + 1, warnings.size(), "one warning per bad value, nothing else:\n" + r);
      assertFalse(r.stderr().contains("PW-secret") || r.stderr().contains("tok-secret"), r::toString);

      // a rate of 0 would have sampled nothing; the default limits keep attributes and the exception event
      List<Span> spans = receiver.awaitSpans(4, Duration.ofSeconds(30));
      Span delete = span(spans, "OrdersApp$Repository.delete");
      assertEquals(1, delete.getEventsCount(), () -> names(spans).toString());
      assertTrue(delete.getAttributesCount() >= 2, delete::toString);
    }
  }
}
