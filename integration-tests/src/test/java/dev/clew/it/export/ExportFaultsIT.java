package dev.clew.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.CheckoutApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.ClosedPort;
import dev.clew.testing.ExportCounts;
import dev.clew.testing.OtlpReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A misbehaving backend (the decoding test receiver told to fail, or nothing listening) never hurts the
 * application: it completes its work with no exception, exits on time, and what was lost is counted in the
 * shutdown line. One warning per kind of failure, not per batch.
 */
class ExportFaultsIT {
  private static final String METHODS = "com.acme.app.CheckoutApp$Shop[checkout,reserve,charge]";
  private static final Duration GUARD = Duration.ofSeconds(120);

  private static AgentJvm app(int orders, String endpoint) {
    return AgentJvm.main(CheckoutApp.class).args(String.valueOf(orders))
        .property("clew.trace.methods", METHODS)
        .property("otel.exporter.otlp.endpoint", endpoint);
  }

  /** started, ended, exported, dropped, failed from the shutdown line. */
  private static long[] stats(AgentJvm.Result run) {
    return ExportCounts.of(run).toArray();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static void assertCompleted(AgentJvm.Result run, int orders) {
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().contains("done " + orders + " declined " + orders), run.toString());
    assertTrue(!run.stderr().contains("Exception in thread"), run.toString());
  }

  @Test
  void backendDownTheWholeTime() throws Exception {
    AgentJvm.Result run;
    try (ClosedPort closed = ClosedPort.open()) {
      run = app(3000, "http://127.0.0.1:" + closed.port())
          .property("clew.shutdown.timeout", "2s")
          .run(GUARD);
    }
    assertCompleted(run, 3000);
    long[] s = stats(run);
    assertEquals(9000, s[1], "every span ended");
    assertEquals(0, s[2], "nothing exported");
    assertEquals(9000, s[3] + s[4], "every span is either dropped or failed: " + run.stderr());
    assertEquals(1, count(run.stderr(), "exporter otlp: sending spans"), "one warning, not one per batch:\n"
        + run.stderr());
    assertTrue(run.stderr().contains("[clew] INFO clew: spans"), "losses are reported at info level");
  }

  @Test
  void serviceUnavailableThenRecoveryLosesNothing() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      receiver.failNext(1, 503);
      receiver.failNext(1, 429, Map.of("Retry-After", "1"));
      AgentJvm.Result run = app(100, receiver.endpoint())
          .property("clew.shutdown.timeout", "30s")
          .property("clew.debug", "true") // the counts are a debug line when nothing was lost
          .run(GUARD);
      assertCompleted(run, 100);
      assertEquals(300, receiver.spans().size(), "every span arrived once");
      assertEquals(3, receiver.requests().size(), "503, 429, then delivered");
      long[] s = stats(run);
      assertEquals(300, s[2]);
      assertEquals(0, s[3] + s[4]);
      assertEquals(1, count(run.stderr(), "HTTP 503; the spans are kept and sent again with backoff"), run.stderr());
      assertEquals(1, count(run.stderr(), "HTTP 429; the spans are kept and sent again after the 1000 ms"),
          "Retry-After honoured: " + run.stderr());
    }
  }

  @Test
  void badRequestIsNotRetried() throws Exception {
    try (OtlpReceiver backend = OtlpReceiver.start()) {
      backend.failNext(1, 400);
      AgentJvm.Result run = app(1, backend.endpoint()).run(GUARD);
      assertCompleted(run, 1);
      assertEquals(1, backend.requests().size(), "no retry");
      assertTrue(run.stderr().contains("HTTP 400") && run.stderr().contains("not retried"), run.stderr());
      assertEquals(3, stats(run)[4], "the batch counts as failed");
    }
  }

  @Test
  void hangingBackendTimesOutAndTheApplicationKeepsGoing() throws Exception {
    try (OtlpReceiver backend = OtlpReceiver.start()) {
      backend.delayResponses(Duration.ofMinutes(2));
      AgentJvm.Result run = app(20_000, backend.endpoint())
          .property("otel.exporter.otlp.timeout", "1s")
          .property("otel.bsp.max.queue.size", "1000")
          .property("otel.bsp.max.export.batch.size", "100")
          .property("clew.shutdown.timeout", "2s")
          .run(GUARD);
      assertCompleted(run, 20_000);
      long[] s = stats(run);
      assertEquals(60_000, s[1]);
      assertTrue(s[3] > 0, "a full queue drops instead of blocking: " + run.stderr());
      assertEquals(0, s[2]);
      assertTrue(run.stderr().contains("did not finish within 2000 ms at shutdown"), run.stderr());
      System.out.println("hanging backend: " + run.stdout().trim());
    }
  }
}
