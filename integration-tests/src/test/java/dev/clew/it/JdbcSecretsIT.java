package dev.clew.it;

import static dev.clew.testing.AgentSpans.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.SecretsApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.OtlpReceiver;
import dev.clew.testing.jdbc.ForwardingDriver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, end to end: an application with passwords in its JDBC URLs (H2 settings, PostgreSQL
 * properties, MySQL's address form, user info of a scheme clew does not know) and statements whose
 * rejections echo their values runs with the agent jar; nothing secret is in what reaches the collector,
 * while the spans still name their databases, servers, DDL targets and sanitized statements.
 */
class JdbcSecretsIT {
  private static final List<String> SECRETS = List.of("hunter9", "H2Pw", "Pg@Secret", "My@Secret", "Ti@Secret");

  @Test
  void noSecretOfUrlsOrStatementsLeavesTheProcess() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(); OtlpReceiver receiver = OtlpReceiver.start()) {
      String[] urls = {
        "jdbc:h2:mem:plain;USER=sa;PASSWORD=H2Pw/x?y@z",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres&password=Pg@Secret/1?x",
        ForwardingDriver.url("jdbc:mysql://address=(host=mysql.local)(port=3307)(user=app)(password=My@Secret/x?y)"
            + "/shop", "MySQL", "`", "jdbc:h2:mem:mysqlish;MODE=MySQL"),
        ForwardingDriver.url("jdbc:tidb://app:Ti@Secret/x@tidb.local:4000/shop", "TiDB", "none", "jdbc:h2:mem:tidbish"),
      };
      AgentJvm.Result r = AgentJvm.main(SecretsApp.class)
          .args(urls)
          .property("otel.service.name", "secrets")
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100")
          .run(Duration.ofSeconds(120));
      assertEquals(0, r.exitCode(), r::toString);
      for (String scheme : List.of("h2", "postgresql", "mysql", "tidb")) {
        assertTrue(r.stdout().contains("done jdbc:" + scheme), r::toString);
      }

      List<Span> spans = receiver.awaitSpans(4 * 8, Duration.ofSeconds(30));
      assertEquals(4 * 8, spans.size(), () -> AgentSpans.names(spans).toString());
      for (OtlpReceiver.Request request : receiver.requests()) {
        String wire = new String(request.body(), StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
          assertFalse(wire.contains(secret), () -> "'" + secret + "' sent to the collector");
        }
      }
      for (Span span : spans) {
        for (String text : texts(span)) {
          for (String secret : SECRETS) {
            assertFalse(text.contains(secret), () -> "'" + secret + "' in " + span.getName() + ": " + text);
          }
        }
      }

      assertServer(spans, "h2database", "plain", null, null);
      assertServer(spans, "postgresql", "postgres", "localhost", (long) postgres.getPort());
      assertServer(spans, "mysql", "shop", "mysql.local", 3307L);
      assertServer(spans, "other_sql", "shop", "tidb.local", 4000L);

      for (String system : List.of("h2database", "postgresql", "mysql", "other_sql")) {
        List<Span> of = ofSystem(spans, system);
        Span quoted = withText(of, "SELECT ? FROM orders");
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, quoted.getStatus().getCode());
        Span batch = AgentSpans.span(of, "BATCH INSERT orders");
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, batch.getStatus().getCode());
        // "..." is a string to MySQL and to an engine that cannot be named, a column to the others
        boolean doubleQuotedStrings = system.equals("mysql") || system.equals("other_sql");
        Span dq = withText(of, doubleQuotedStrings ? "SELECT id FROM orders WHERE note = ?"
            : "SELECT id FROM orders WHERE note = \"Dq7secret\"");
        assertEquals(!doubleQuotedStrings, texts(dq).stream().anyMatch(t -> t.contains("Dq7secret")), system);
      }
      // the drivers did echo: H2 the statement, pgjdbc the batch entry with its values in place
      Map<String, Object> h2Error = exception(withText(ofSystem(spans, "h2database"),
          "SELECT * FROM orders WHERE id = ?"));
      assertTrue(((String) h2Error.get("exception.message")).contains("SQL statement"), h2Error::toString);
      Map<String, Object> pgBatch = exception(AgentSpans.span(ofSystem(spans, "postgresql"), "BATCH INSERT orders"));
      assertTrue(((String) pgBatch.get("exception.message")).contains("INSERT INTO orders VALUES (?, ?)"),
          pgBatch::toString);
    }
  }

  private static void assertServer(List<Span> spans, String system, String namespace, String host, Long port) {
    Span index = AgentSpans.span(ofSystem(spans, system), "CREATE INDEX orders");
    assertEquals("CREATE INDEX", attribute(index, "db.operation.name"));
    assertEquals(namespace, attribute(index, "db.namespace"), system);
    assertEquals(host, attribute(index, "server.address"), system);
    assertEquals(port, attribute(index, "server.port"), system);
  }

  private static List<Span> ofSystem(List<Span> spans, String system) {
    List<Span> of = spans.stream().filter(s -> system.equals(attribute(s, "db.system.name")))
        .collect(Collectors.toList());
    assertEquals(8, of.size(), () -> system + ": " + AgentSpans.names(of));
    return of;
  }

  private static Span withText(List<Span> spans, String text) {
    return spans.stream().filter(s -> text.equals(attribute(s, "db.query.text"))).findFirst()
        .orElseThrow(() -> new AssertionError("no span with " + text + " in "
            + spans.stream().map(s -> attribute(s, "db.query.text")).collect(Collectors.toList())));
  }

  private static Map<String, Object> exception(Span span) {
    return AgentSpans.attributes(span.getEvents(0).getAttributesList());
  }

  /** Every text a span carries: name, status message, attributes and event attributes. */
  private static List<String> texts(Span span) {
    List<String> texts = new ArrayList<>();
    texts.add(span.getName());
    texts.add(span.getStatus().getMessage());
    AgentSpans.attributes(span.getAttributesList()).values().forEach(v -> texts.add(String.valueOf(v)));
    for (Span.Event event : span.getEventsList()) {
      AgentSpans.attributes(event.getAttributesList()).values().forEach(v -> texts.add(String.valueOf(v)));
    }
    return texts;
  }
}
