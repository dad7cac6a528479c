package dev.clew.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.OrdersApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backend's (or a proxy's) error body may echo anything, credentials included: the export warning shows
 * the status and at most a short, single-line, sanitized excerpt, and no HTML page at all.
 */
class BackendErrorBodyIT {
  @Test
  void errorBodiesAreExcerptedWithoutSecrets() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      receiver.failNextWithBody(502, "text/html; charset=utf-8",
          "<html><head><title>Bad gateway</title></head>\n<body>upstream http://admin:html-secret@10.0.0.7/ failed"
              + "</body></html>");
      receiver.failNextWithBody(400, "text/plain",
          "invalid request\r\n  token=tok-123 for tenant acme\nAuthorization: Bearer abc.def.ghi\n" + "x".repeat(500));
      AgentJvm.Result r = AgentJvm.main(OrdersApp.class)
          .property("clew.trace.methods", "com.acme.app.OrdersApp$OrderService[place,cancel]")
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .run(Duration.ofSeconds(90));
      assertEquals(0, r.exitCode(), r::toString);
      assertEquals(2, receiver.requests().size(), "one retry after the 502, none after the 400: " + r);

      List<String> warnings = r.stderr().lines().filter(l -> l.contains("sending spans to")).toList();
      assertEquals(2, warnings.size(), r::toString);
      assertTrue(warnings.get(0).contains("failed: HTTP 502 (an HTML page, not shown); the spans are kept and sent again"), warnings.get(0));
      String excerpt = "failed: HTTP 400: invalid request token=REDACTED for tenant acme Authorization: Bearer REDACTED xxx";
      assertTrue(warnings.get(1).contains(excerpt), warnings.get(1));
      assertTrue(warnings.get(1).length() < 400, "short: " + warnings.get(1));
      for (String secret : List.of("html-secret", "<html", "tok-123", "abc.def")) {
        assertFalse(r.stderr().contains(secret), secret + " in the log:\n" + r.stderr());
      }
    }
  }
}
