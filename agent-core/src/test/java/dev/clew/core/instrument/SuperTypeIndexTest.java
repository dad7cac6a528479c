package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.hierarchy.Hierarchy.Base;
import dev.clew.testapp.hierarchy.Hierarchy.Leaf;
import dev.clew.testapp.hierarchy.Hierarchy.Relevant;
import dev.clew.testapp.hierarchy.Hierarchy.Unrelated;
import dev.clew.testapp.hierarchy.Hierarchy.ViaInterface;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The class filter's per-loader table ({@link SuperTypeIndex}): one long a type, its bits as an index into the
 * distinct bit sets. Checked against a plain map, through growth, compaction and concurrent use.
 */
class SuperTypeIndexTest {
  /** Mostly 0, as in an application: most types descend from no relevant type. */
  private static final long[] BITS = {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 1L << 40, (1L << 61) | 5};

  private static SuperTypeIndex index() {
    return new SuperTypeIndex(new Anchors(), null, null);
  }

  /** {@code n} random name hashes (none of them 0 in the table's 56 bits) with bits from {@link #BITS}. */
  private static Map<Long, Long> types(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Long, Long> types = new HashMap<>();
    while (types.size() < n) {
      long hash = random.nextLong();
      if ((hash & ((1L << 56) - 1)) > 1) {
        types.put(hash, BITS[random.nextInt(BITS.length)]);
      }
    }
    return types;
  }

  private static void assertAnswers(SuperTypeIndex index, Map<Long, Long> remembered, Map<Long, Long> others) {
    for (Map.Entry<Long, Long> e : remembered.entrySet()) {
      assertEquals((long) e.getValue(), index.get(e.getKey()), "bits of " + Long.toHexString(e.getKey()));
    }
    for (long hash : others.keySet()) {
      if (!remembered.containsKey(hash)) {
        assertEquals(SuperTypeIndex.ABSENT, index.get(hash), "never put: " + Long.toHexString(hash));
      }
    }
    assertEquals(remembered.size(), index.size());
  }

  @Test
  void answersAsAMapDoesThroughSeveralResizes() {
    SuperTypeIndex index = index();
    long initialBytes = index.heapBytes();
    Map<Long, Long> types = types(1, 20_000); // 256 slots at first: seven doublings
    Map<Long, Long> misses = types(2, 5_000);
    Map<Long, Long> put = new HashMap<>();
    for (Map.Entry<Long, Long> e : types.entrySet()) {
      index.put(e.getKey(), e.getValue());
      put.put(e.getKey(), e.getValue());
      if (put.size() % 2_500 == 0) {
        assertAnswers(index, put, misses);
      }
    }
    assertAnswers(index, types, misses);
    assertTrue(index.heapBytes() >= initialBytes * 64, "grew: " + index.heapBytes());
    assertTrue(index.heapBytes() <= 8L * 20_000 * 8 / 3 + 8 * 256, "one long a type, at least 3/8 of the"
        + " slots used: " + index.heapBytes());
  }

  @Test
  void aTypePutAgainTakesTheNewBits() {
    SuperTypeIndex index = index();
    index.put(42, 0);
    index.put(42, 3);
    assertEquals(3, index.get(42));
    assertEquals(1, index.size());
    index.put(0, 1L << 40); // the 56 bits of 0 are stored as 1: still found, and not taken for an empty slot
    assertEquals(1L << 40, index.get(0));
    assertEquals(2, index.size());
  }

  @Test
  void compactionKeepsEveryAnswerInAThirdMoreSlotsThanTypes() {
    SuperTypeIndex index = index();
    Map<Long, Long> types = types(3, 16_500); // 32,768 slots: half used
    Map<Long, Long> misses = types(4, 5_000);
    types.forEach(index::put);
    long grown = index.heapBytes();
    index.compact();
    assertAnswers(index, types, misses);
    long compact = index.heapBytes();
    assertTrue(compact < grown * 7 / 10, grown + " -> " + compact);
    assertTrue(compact <= 8L * (16_500 + 16_500 / 3 + 1) + 8 * 64, "a third more slots than types: " + compact);
    index.compact();
    assertEquals(compact, index.heapBytes(), "compacting a compact table changes nothing");

    Map<Long, Long> more = types(5, 3_000); // a loader that defines classes again grows the table back
    more.forEach(index::put);
    types.putAll(more);
    assertAnswers(index, types, misses);
    assertTrue(index.heapBytes() > compact);
  }

  @Test
  void compactionOfAnEmptyOrSmallTableKeepsItUsable() {
    SuperTypeIndex index = index();
    index.compact();
    assertEquals(SuperTypeIndex.ABSENT, index.get(7));
    Map<Long, Long> types = types(6, 50);
    types.forEach(index::put);
    index.compact();
    assertAnswers(index, types, types(7, 500));
  }

  @Test
  void bitSetsPastWhatASlotCanIndexAreAnsweredWithEveryBit() {
    SuperTypeIndex index = index();
    // 300 distinct bit sets: 255 get an index of their own (0 included), the rest share the last one
    List<Long> bitSets = new ArrayList<>();
    for (long bits = 1; bitSets.size() < 300; bits++) {
      bitSets.add(bits);
    }
    for (int i = 0; i < bitSets.size(); i++) {
      index.put(1000 + i, bitSets.get(i));
    }
    index.put(5000, 0);
    for (int i = 0; i < bitSets.size(); i++) {
      long bits = index.get(1000 + i);
      if (i < 254) {
        assertEquals((long) bitSets.get(i), bits);
      } else {
        assertEquals(Long.MAX_VALUE, bits, "a superset of the real bits, and not UNKNOWN");
      }
    }
    assertEquals(0, index.get(5000));
  }

  @Test
  void concurrentPutsAndCompactionsLoseNothing() throws Exception {
    SuperTypeIndex index = index();
    Map<Long, Long> all = types(8, 40_000);
    List<Map.Entry<Long, Long>> entries = new ArrayList<>(all.entrySet());
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Map.Entry<Long, Long>> mine = entries.subList(t * entries.size() / threads,
          (t + 1) * entries.size() / threads);
      workers.add(new Thread(() -> {
        try {
          start.await();
          for (Map.Entry<Long, Long> e : mine) {
            index.put(e.getKey(), e.getValue());
            assertEquals((long) e.getValue(), index.get(e.getKey()));
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    Thread compactor = new Thread(() -> {
      try {
        start.await();
        while (workers.stream().anyMatch(Thread::isAlive)) {
          index.compact();
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    });
    workers.forEach(Thread::start);
    compactor.start();
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    compactor.join();
    assertEquals(null, failure.get());
    assertAnswers(index, all, types(9, 2_000));
  }

  /** A loader that cannot find its class files until told to. */
  static final class SometimesBlindLoader extends ClassLoader {
    volatile boolean blind = true;

    SometimesBlindLoader() {
      super(SuperTypeIndexTest.class.getClassLoader());
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return blind ? null : super.getResourceAsStream(name);
    }
  }

  @Test
  void unknownIsAnsweredButNotRemembered() {
    Anchors anchors = new Anchors();
    long relevant = anchors.register(Collections.singletonList(Relevant.class.getName()));
    SometimesBlindLoader loader = new SometimesBlindLoader();
    SuperTypeIndex index = new SuperTypeIndex(anchors, loader, new SuperTypeIndex(anchors, null, null));
    ClassHeader leaf = ClassHeader.read(ClassFilterTest.classFile(Leaf.class));
    assertEquals(SuperTypeIndex.UNKNOWN, index.bitsOf(leaf), "Base cannot be read");
    assertEquals(0, index.size());

    loader.blind = false; // e.g. a class the application defines at run time
    assertEquals(relevant, index.bitsOf(leaf));
    assertEquals(relevant, index.get(ClassHeader.hash(Base.class.getName())), "the ancestor is remembered too");
    index.compact();
    loader.blind = true; // from now on only what the index remembers can answer
    assertEquals(relevant, index.bitsOf(leaf));
    ClassHeader viaInterface = ClassHeader.read(ClassFilterTest.classFile(ViaInterface.class));
    assertEquals(SuperTypeIndex.UNKNOWN, index.bitsOf(viaInterface), "SubInterface never read, now unreadable");
    ClassHeader unrelated = ClassHeader.read(ClassFilterTest.classFile(Unrelated.class));
    assertEquals(0, index.bitsOf(unrelated), "JDK ancestors only: read by the JDK's index");
    assertNotEquals(SuperTypeIndex.UNKNOWN, index.get(ClassHeader.hash(Leaf.class.getName())));
  }
}
