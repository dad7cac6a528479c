package dev.clew.core.instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * The relevant types of all type instrumentations ({@link TypeInstrumentation#relevantTypes()}), one bit each,
 * so that "is or descends from one of these" is a mask test. Past 62 types the rest share the last bit (a
 * coarser but still safe answer); the top bit is never used, so that -1 can stand for "unknown".
 */
final class Anchors {
  static final int MAX_BITS = 62;

  private final List<Long> hashes = new ArrayList<>();
  private volatile long[] table = new long[0];

  /** The bits standing for these type names, adding those not seen before. */
  long register(List<String> typeNames) {
    long mask = 0;
    for (String name : typeNames) {
      long hash = ClassHeader.hash(name);
      int i = hashes.indexOf(hash);
      if (i < 0) {
        hashes.add(hash);
        i = hashes.size() - 1;
      }
      mask |= 1L << Math.min(i, MAX_BITS - 1);
    }
    table = new long[hashes.size()];
    for (int i = 0; i < table.length; i++) {
      table[i] = hashes.get(i);
    }
    return mask;
  }

  /** The bit of the type with this name hash, or 0 if it is no relevant type. */
  long bitOf(long nameHash) {
    long[] t = table;
    for (int i = 0; i < t.length; i++) {
      if (t[i] == nameHash) {
        return 1L << Math.min(i, MAX_BITS - 1);
      }
    }
    return 0;
  }

  /** The same for a loaded class and its ancestors, found by reflection (no class file is read). */
  long bitsOf(Class<?> type) {
    long bits = 0;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      bits |= bitOf(ClassHeader.hash(c.getName())) | interfaceBits(c);
    }
    return bits;
  }

  private long interfaceBits(Class<?> c) {
    long bits = 0;
    for (Class<?> i : c.getInterfaces()) {
      bits |= bitOf(ClassHeader.hash(i.getName())) | interfaceBits(i);
    }
    return bits;
  }
}
