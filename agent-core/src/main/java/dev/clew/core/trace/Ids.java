package dev.clew.core.trace;

import java.util.concurrent.ThreadLocalRandom;

/** Trace and span ids: generation from a fast random source, and lower-case hex conversion. */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  public static final String INVALID_TRACE_ID = "00000000000000000000000000000000";
  public static final String INVALID_SPAN_ID = "0000000000000000";

  private Ids() {}

  /** A random id that is never zero (zero means "invalid" on the wire). */
  public static long randomNonZero() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long id;
    do {
      id = r.nextLong();
    } while (id == 0);
    return id;
  }

  public static String traceIdHex(long high, long low) {
    char[] c = new char[32];
    fill(c, 0, high);
    fill(c, 16, low);
    return new String(c);
  }

  public static String spanIdHex(long id) {
    char[] c = new char[16];
    fill(c, 0, id);
    return new String(c);
  }

  public static void fill(char[] dest, int offset, long v) {
    for (int i = 15; i >= 0; i--) {
      dest[offset + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }

  /** Writes 8 bytes big-endian, as trace and span ids go on the wire. */
  public static void toBytes(long v, byte[] dest, int offset) {
    for (int i = 7; i >= 0; i--) {
      dest[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  /**
   * Parses {@code len} lower-case hex characters (at most 16) starting at {@code from}. Returns
   * {@code -1L} with {@code ok[0] = false} on any character outside {@code [0-9a-f]}.
   */
  public static long parseHex(CharSequence s, int from, int len, boolean[] ok) {
    long v = 0;
    for (int i = from; i < from + len; i++) {
      char ch = s.charAt(i);
      int d;
      if (ch >= '0' && ch <= '9') {
        d = ch - '0';
      } else if (ch >= 'a' && ch <= 'f') {
        d = ch - 'a' + 10;
      } else {
        ok[0] = false;
        return -1L;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** Whether every character is lower-case hex. */
  public static boolean isLowerHex(CharSequence s, int from, int len) {
    for (int i = from; i < from + len; i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
