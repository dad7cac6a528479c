package dev.clew.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpanQueueTest {
  @Test
  void refusesWhenFullAndAcceptsAgainAfterDrain() {
    SpanQueue<String> q = new SpanQueue<>(3);
    assertTrue(q.offer("a"));
    assertTrue(q.offer("b"));
    assertTrue(q.offer("c"));
    assertFalse(q.offer("d"));
    List<String> out = new ArrayList<>();
    assertEquals(2, q.drainTo(out, 2));
    assertEquals(List.of("a", "b"), out);
    assertFalse(q.offer("e"), "drained items take room until released");
    assertEquals(2, q.held());
    assertEquals(2, q.release(2));
    assertTrue(q.offer("e"));
    assertTrue(q.offer("f"));
    assertFalse(q.offer("g"));
    assertEquals(3, q.drainTo(out, 10));
    assertEquals(List.of("a", "b", "c", "e", "f"), out.subList(0, 5));
    assertEquals(0, q.size());
    assertEquals(3, q.releaseAll());
    assertEquals(0, q.release(3), "nothing left to release: an abandoning shutdown counted them");
  }

  @Test
  void manyProducersOneConsumerLoseNothingAndKeepEachProducersOrder() throws Exception {
    int producers = 4;
    int perProducer = 50_000;
    SpanQueue<long[]> q = new SpanQueue<>(64);
    AtomicInteger refused = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      final int id = p;
      Thread t = new Thread(() -> {
        for (int i = 0; i < perProducer; i++) {
          while (!q.offer(new long[] {id, i})) {
            refused.incrementAndGet();
            Thread.yield();
          }
        }
      });
      threads.add(t);
      t.start();
    }
    long[] next = new long[producers];
    int received = 0;
    List<long[]> buf = new ArrayList<>();
    while (received < producers * perProducer) {
      buf.clear();
      int n = q.drainTo(buf, 16);
      for (long[] item : buf) {
        assertEquals(next[(int) item[0]], item[1], "order of producer " + item[0]);
        next[(int) item[0]]++;
      }
      received += n;
      q.release(n);
      if (n == 0) {
        Thread.yield();
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(0, q.size());
    for (long n : next) {
      assertEquals(perProducer, n);
    }
  }
}
