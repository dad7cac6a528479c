package dev.clew.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {
  /** Equal to every other instance, like a careless wrapper. */
  static final class AllEqual {
    @Override
    public boolean equals(Object o) {
      return o instanceof AllEqual;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  @Test
  void comparesKeysByIdentity() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    AllEqual a = new AllEqual();
    AllEqual b = new AllEqual();
    map.put(a, "a");
    assertEquals("a", map.get(a));
    assertNull(map.get(b));
    assertSame("a", map.putIfAbsent(a, "other"));
    assertEquals("b", map.putIfAbsent(b, "b"));
    assertEquals("a", map.remove(a));
    assertNull(map.get(a));
    assertEquals(1, map.size());
  }

  @Test
  void valuesFollowTheMapAndCannotChangeIt() {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object a = new Object();
    Collection<String> values = map.values();
    map.put(a, "a");
    map.put(new AllEqual(), "b");
    assertEquals(new HashSet<>(Arrays.asList("a", "b")), new HashSet<>(values));
    map.remove(a);
    assertEquals(Collections.singletonList("b"), new ArrayList<>(values));
    assertThrows(UnsupportedOperationException.class, values::clear);
  }

  @Test
  void entriesGoAwayWithTheirKeys() throws InterruptedException {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 100_000; i++) {
      map.put(new Object(), "garbage");
    }
    for (int attempt = 0; attempt < 50 && map.size() > 1; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(1, map.size());
    assertEquals("kept", map.get(kept));
  }
}
