package dev.clew.it.crossprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.ShopServer;
import dev.clew.testing.OtlpReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile baggage sent to a real traced service (embedded Tomcat told to accept huge headers) does not reach
 * the next hop: a 1 MB {@code uberctx-} value, 1,000 {@code uberctx-*} headers, a 20 KB {@code baggage} member,
 * and an invalid {@code tracestate}. What the service sends on stays within 180 members and 8,192 bytes per
 * format, and the trace itself still continues.
 */
class BaggageBoundsIT {
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  @Test
  void hostileBaggageDoesNotReachTheNextHop() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(); HeaderRecorder peer = HeaderRecorder.start();
        ShopJvm shop = ShopJvm.start(ShopJvm.app(ShopServer.class, "shop", receiver)
            .property("shop.downstream", peer.url())
            .property("shop.max-header-bytes", String.valueOf(4 * 1024 * 1024))
            .property("otel.propagators", "tracecontext,baggage,jaeger"))) {
      List<String> headers = new ArrayList<>();
      headers.add("traceparent");
      headers.add("00-" + TRACE + "-b7ad6b7169203331-01");
      headers.add("tracestate");
      headers.add("vendor=1,vendor=2"); // duplicate key: invalid as a whole
      headers.add("uberctx-huge");
      headers.add("x".repeat(1024 * 1024));
      headers.add("baggage");
      headers.add("big=" + "y".repeat(20 * 1024) + ",tenant=acme");
      for (int i = 0; i < 1000; i++) {
        headers.add("uberctx-k" + i);
        headers.add("v" + i);
      }
      assertEquals("hello 200:ok", shop.get("/hello", headers.toArray(new String[0])));

      HeaderRecorder.Received next = peer.await("/from-b", Duration.ofSeconds(20));
      Map<String, String> sent = next.headers();
      assertTrue(next.header("traceparent").startsWith("00-" + TRACE + "-"), "the trace continues: " + sent.keySet());
      assertNull(next.header("tracestate"), "an invalid tracestate is not passed on, not even in part");
      assertNull(next.header("uberctx-huge"), "the 1 MB value stops here");
      int uberctx = 0;
      int uberctxBytes = 0;
      for (Map.Entry<String, String> h : sent.entrySet()) {
        if (h.getKey().startsWith("uberctx-")) {
          uberctx++;
          uberctxBytes += h.getKey().length() + h.getValue().length();
        }
      }
      assertTrue(uberctx > 0 && uberctx <= 180, uberctx + " uberctx- headers");
      assertTrue(uberctxBytes <= 8192, uberctxBytes + " bytes of uberctx-");
      String baggage = next.header("baggage");
      assertNotNull(baggage);
      assertTrue(baggage.length() <= 8192, "baggage of " + baggage.length() + " bytes");
      assertTrue(baggage.split(",").length <= 180, baggage);
      assertTrue(baggage.contains("tenant=acme"), "the valid member after the oversized one goes on: " + baggage);
      assertTrue(!baggage.contains("big="), "the 20 KB member stops here");
      int total = 0;
      for (Map.Entry<String, String> h : sent.entrySet()) {
        total += h.getKey().length() + h.getValue().length();
      }
      System.out.println("hostile baggage: received about " + (1024 * 1024 + 20 * 1024 + 1000 * 12)
          + " bytes in 1,003 baggage headers; sent on " + uberctx + " uberctx- headers (" + uberctxBytes
          + " bytes), baggage of " + baggage.length() + " bytes; all headers sent on: " + total + " bytes");
    }
  }
}
