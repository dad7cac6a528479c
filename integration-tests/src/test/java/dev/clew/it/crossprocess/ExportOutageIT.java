package dev.clew.it.crossprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.ExportCounts;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A real traced service (embedded Tomcat, HttpURLConnection to a peer) under steady load from this JVM while
 * its OTLP backend fails on command: down (connection refused), 429 with {@code Retry-After}, connections reset
 * with no answer, and hanging past the exporter's timeout. Every request still succeeds; when the outages fit
 * in the queue not one span is lost, and when they do not, every span is counted exactly (exported + dropped
 * = ended) and the drop is warned about with the key to raise. Outages are scaled down (seconds, not minutes)
 * with the queue sized accordingly; figures are printed for the README's guarantees table.
 */
class ExportOutageIT {

  /** Sends GET /hello from one client thread, pausing between requests, until stopped. */
  private static final class Load implements AutoCloseable {
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Load(ShopJvm shop, long pauseMillis) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(shop.url("/hello"))).timeout(Duration.ofSeconds(30))
          .build();
      thread = new Thread(() -> {
        while (running.get()) {
          try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            (r.statusCode() == 200 ? ok : failed).incrementAndGet();
            Thread.sleep(pauseMillis);
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      }, "load");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(60_000);
    }
  }

  private static long[] stats(AgentJvm.Result run) {
    return ExportCounts.of(run).toArray();
  }

  private static Set<String> distinctSpanIds(OtlpReceiver receiver) {
    Set<String> ids = new HashSet<>();
    for (Span s : receiver.spans()) {
      ids.add(s.getSpanId().toStringUtf8() + s.getTraceId().toStringUtf8());
    }
    return ids;
  }

  private static AgentJvm shop(OtlpReceiver receiver, HeaderRecorder peer) {
    return ShopJvm.app(ShopServer.class, "shop", receiver)
        .property("shop.downstream", peer.url())
        .property("otel.exporter.otlp.timeout", "1s")
        .property("clew.shutdown.timeout", "30s")
        .property("clew.debug", "true"); // the counts are printed at shutdown even when nothing was lost
  }

  @Test
  void outagesThatFitInTheQueueLoseNoSpan() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start()) {
      ShopJvm shop = ShopJvm.start(shop(receiver, peer)); // the default queue: 2,048 spans
      AgentJvm.Result run;
      int requests;
      int failedRequests;
      // at most 20 requests (40 spans) a second, however fast the machine, so the 17 s of outages fit in the
      // queue; with 10 ms pauses a fast machine could end 200 spans a second, 3,400 over the outages
      try (Load load = new Load(shop, 50)) {
        Thread.sleep(1500);
        receiver.down(); // nothing listening: connection refused
        Thread.sleep(6000);
        receiver.up();
        Thread.sleep(1000);
        receiver.failAll(429, Map.of("Retry-After", "2"));
        Thread.sleep(4000);
        receiver.heal();
        receiver.resetConnections(); // closed with no answer
        Thread.sleep(3000);
        receiver.heal();
        receiver.delayResponses(Duration.ofSeconds(3)); // hangs past the 1 s exporter timeout
        Thread.sleep(3000);
        receiver.heal();
        Thread.sleep(1000);
        load.close();
        requests = load.ok.get();
        failedRequests = load.failed.get();
      } finally {
        run = shop.stop(Duration.ofSeconds(90));
      }
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(0, failedRequests, "no request failed while the backend did");
      long[] s = stats(run);
      long ended = s[1];
      assertTrue(ended >= 2L * requests, "two spans per request at least: " + run.stderr());
      assertEquals(0, s[3], "nothing dropped: " + run.stderr());
      assertEquals(0, s[4], "nothing failed: " + run.stderr());
      assertEquals(ended, s[2], "every ended span exported");
      int distinct = distinctSpanIds(receiver).size();
      assertEquals(ended, distinct, "every span arrived (a batch whose answer was lost may arrive twice)");
      System.out.println("outages within the queue: " + requests + " requests, " + ended + " spans ended, "
          + distinct + " received (" + (receiver.spans().size() - distinct) + " duplicates from timed-out answers), "
          + receiver.requests().stream().filter(r -> r.status() != 200).count() + " failed export requests, 0 lost");
    }
  }

  @Test
  void anOutageLongerThanTheQueueIsCountedExactlyAndWarnedAbout() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start()) {
      ShopJvm shop = ShopJvm.start(shop(receiver, peer)
          .property("otel.bsp.max.queue.size", "200")
          .property("otel.bsp.max.export.batch.size", "50"));
      AgentJvm.Result run;
      int failedRequests;
      try (Load load = new Load(shop, 10)) {
        Thread.sleep(1500);
        receiver.failAll(503, Map.of());
        // Down until at least 150 requests (300+ spans) met the 200-span queue, however slow the machine.
        int atOutage = load.ok.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.ok.get() - atOutage < 150 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        receiver.heal();
        Thread.sleep(1500);
        load.close();
        failedRequests = load.failed.get();
      } finally {
        run = shop.stop(Duration.ofSeconds(90));
      }
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(0, failedRequests);
      long[] s = stats(run);
      assertTrue(s[3] > 0, "the outage did not fit: spans were dropped: " + run.stderr());
      assertEquals(0, s[4]);
      assertEquals(s[1], s[2] + s[3], "exported + dropped = ended");
      assertEquals(s[2], distinctSpanIds(receiver).size(), "what was counted exported arrived");
      assertTrue(run.stderr().contains("because the export queue was full (otel.bsp.max.queue.size=200"),
          run::toString);
      assertTrue(run.stderr().contains("Raise otel.bsp.max.queue.size"), run::toString);
      System.out.println("outage beyond the queue: " + s[1] + " spans ended, " + s[2] + " exported, " + s[3]
          + " dropped and counted");
    }
  }
}
