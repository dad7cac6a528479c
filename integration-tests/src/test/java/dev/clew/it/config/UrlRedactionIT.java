package dev.clew.it.config;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.SearchApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credentials in query strings never reach {@code url.query} (SERVER spans) or {@code url.full} (CLIENT
 * spans) of a real application, with the default list of sensitive parameters, a list extended with
 * {@code +name}, or a list replaced by the user's own.
 */
class UrlRedactionIT {
  private static final String QUERY = "q=clew&token=t0k3n&Password=hunter2&X-Amz-Signature=a1b2&session_id=s1";

  @ParameterizedTest(name = "redacted-query-parameters={0}")
  @CsvSource(delimiter = '|', value = {
      "''          | q=clew&token=REDACTED&Password=REDACTED&X-Amz-Signature=REDACTED&session_id=s1",
      "+session_id | q=clew&token=REDACTED&Password=REDACTED&X-Amz-Signature=REDACTED&session_id=REDACTED",
      "session_id  | q=clew&token=t0k3n&Password=hunter2&X-Amz-Signature=a1b2&session_id=REDACTED",
  })
  void sensitiveQueryValuesAreRedactedOnServerAndClientSpans(String list, String expected) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm app = AgentJvm.main(SearchApp.class).args(QUERY)
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100");
      if (!list.isEmpty()) {
        app.property("clew.instrumentation.http.redacted-query-parameters", list);
      }
      AgentJvm.Result r = app.run(Duration.ofSeconds(90));
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stdout().contains("outbound 200:200:found 200:found"), r::toString);

      List<Span> spans = receiver.awaitSpans(6, Duration.ofSeconds(30));
      List<Span> servers = spans.stream().filter(s -> s.getKind() == SpanKind.SPAN_KIND_SERVER).toList();
      List<Span> clients = spans.stream().filter(s -> s.getKind() == SpanKind.SPAN_KIND_CLIENT).toList();
      assertEquals(3, servers.size(), () -> names(spans).toString());
      assertEquals(3, clients.size(), () -> names(spans).toString());
      for (Span s : servers) {
        assertEquals(expected, attribute(s, "url.query"), s.getName());
      }
      for (Span c : clients) {
        String url = (String) attribute(c, "url.full");
        assertTrue(url.endsWith("?" + expected), url);
      }
      if (list.isEmpty()) {
        for (String secret : List.of("t0k3n", "hunter2", "a1b2")) {
          assertFalse(spans.toString().contains(secret), secret + " in an exported span");
        }
      }
    }
  }
}
