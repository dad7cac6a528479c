package dev.clew.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void randomIdsAreNeverZeroAndDoNotRepeat() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      long id = Ids.randomNonZero();
      assertNotEquals(0L, id);
      assertTrue(seen.add(id), "repeated id after " + i + " draws");
    }
  }

  @Test
  void randomIdsUseAllBits() {
    long or = 0;
    long and = -1L;
    for (int i = 0; i < 1000; i++) {
      long id = Ids.randomNonZero();
      or |= id;
      and &= id;
    }
    assertEquals(-1L, or, "every bit is set by some id");
    assertEquals(0L, and, "every bit is clear in some id");
  }

  @Test
  void hexIsLowerCaseFixedWidthAndRoundTrips() {
    assertEquals("0000000000000001ffffffffffffffff", Ids.traceIdHex(1, -1));
    assertEquals("00000000000000ab", Ids.spanIdHex(0xab));
    for (int i = 0; i < 1000; i++) {
      long v = Ids.randomNonZero();
      String hex = Ids.spanIdHex(v);
      assertEquals(16, hex.length());
      boolean[] ok = {true};
      assertEquals(v, Ids.parseHex(hex, 0, 16, ok));
      assertTrue(ok[0]);
    }
  }

  @Test
  void parseRejectsUpperCaseAndNonHex() {
    boolean[] ok = {true};
    Ids.parseHex("00000000000000AB", 0, 16, ok);
    assertFalse(ok[0]);
    ok[0] = true;
    Ids.parseHex("000000000000000g", 0, 16, ok);
    assertFalse(ok[0]);
    assertFalse(Ids.isLowerHex("abcX", 0, 4));
  }

  @Test
  void bytesAreBigEndian() {
    byte[] b = new byte[8];
    Ids.toBytes(0x0102030405060708L, b, 0);
    assertEquals(1, b[0]);
    assertEquals(8, b[7]);
  }

  @Test
  void newTracesHaveValidDistinctIds() {
    SpanContext a = SpanContext.create(Ids.randomNonZero(), Ids.randomNonZero(), Ids.randomNonZero(), (byte) 1,
        TraceState.EMPTY);
    assertTrue(a.isValid());
    assertFalse(SpanContext.INVALID.isValid());
    assertEquals(32, a.traceIdHex().length());
    assertEquals("01", a.flagsHex());
  }
}
