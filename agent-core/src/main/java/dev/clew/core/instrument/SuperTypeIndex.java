package dev.clew.core.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * For the types one class loader sees: which of the instrumentations' relevant types ({@link Anchors}) each
 * one is or descends from, as a bit set. A type's answer is computed once, from its class file (handed to the
 * transformer, or read from the loader when the type is an ancestor not loaded yet) and remembered by the
 * hash of its name, so no class file is read twice and a class hierarchy is never walked again from the top.
 * {@link #UNKNOWN} where an ancestor's class file cannot be found.
 *
 * <p>One long a type (the Spring app's loader remembers 12,000): 56 bits of the name hash, and in the top 8
 * the index of its bits among the distinct bit sets seen, which are few (most types descend from no relevant
 * type: 0). At most three quarters of the slots are used, so 11 to 21 bytes a type while classes load; once
 * class loading goes quiet, {@link #compact()} shrinks the table to what it holds (11 bytes a type).
 */
final class SuperTypeIndex {
  /** Every bit: an ancestor could not be read, so any instrumentation might match (Byte Buddy decides). */
  static final long UNKNOWN = -1L;
  /** Not remembered; never a type's bits, as {@link Anchors} leave the top bit to {@link #UNKNOWN}. */
  static final long ABSENT = Long.MIN_VALUE;
  private static final int MAX_DEPTH = 100;
  private static final int INITIAL_CAPACITY = 256;
  private static final long HASH_BITS = (1L << 56) - 1;
  private static final int MAX_BIT_SETS = 256;
  /**
   * Where a loader's types bring more distinct bit sets than a slot can index (over 62 relevant types, in
   * combinations no application has): every bit but the top one. A safe answer, as UNKNOWN is: Byte Buddy decides.
   */
  private static final long ALL_BITS = Long.MAX_VALUE;

  private final Anchors anchors;
  /**
   * Weakly: this index is the value of a weak-keyed map entry for the same loader, and a strong reference
   * here would keep every discarded loader (a redeployed web application) alive. Null for the bootstrap loader.
   */
  private final WeakReference<ClassLoader> loader;
  /** Shared by every loader for {@code java.*} types: only the JDK may define them, the same for everyone. */
  private final SuperTypeIndex jdk;
  /** Name hash (low 56 bits, never 0) and bit set index (top 8); 0 is an empty slot. Linear probing. */
  private long[] slots = new long[INITIAL_CAPACITY];
  /** The distinct bit sets, indexed from the slots; the first is 0. */
  private long[] bitSets = new long[8];
  private int bitSetCount = 1;
  private int size;

  SuperTypeIndex(Anchors anchors, ClassLoader loader, SuperTypeIndex jdk) {
    this.anchors = anchors;
    this.loader = loader == null ? null : new WeakReference<>(loader);
    this.jdk = jdk;
  }

  /** The anchor bits of a class about to be defined by this loader. */
  long bitsOf(ClassHeader header) {
    long hash = header.nameHash();
    long bits = get(hash);
    if (bits == ABSENT) {
      bits = compute(header, 0);
      if (bits != UNKNOWN) {
        put(hash, bits);
      }
    }
    return bits;
  }

  private long compute(ClassHeader header, int depth) {
    long bits = anchors.bitOf(header.nameHash());
    for (int i = 0; i < header.superTypeCount() && bits != UNKNOWN; i++) {
      bits |= superTypeBits(header, i, depth + 1);
    }
    return bits;
  }

  /** A direct supertype's bits: remembered, or computed from its class file as this loader finds it. */
  private long superTypeBits(ClassHeader header, int i, int depth) {
    long hash = header.superTypeHash(i);
    long bits = get(hash);
    if (bits != ABSENT) {
      return bits;
    }
    String name = header.superTypeName(i);
    if (jdk != null && name.startsWith("java.")) {
      bits = jdk.get(hash);
      if (bits != ABSENT) {
        return bits;
      }
      return jdk.readAndRemember(hash, name, depth);
    }
    return readAndRemember(hash, name, depth);
  }

  private long readAndRemember(long hash, String name, int depth) {
    ClassHeader header = depth < MAX_DEPTH ? read(name) : null;
    long bits = header == null ? UNKNOWN : compute(header, depth);
    if (bits != UNKNOWN) { // an unreadable ancestor may become readable (a class defined later at run time)
      put(hash, bits);
    }
    return bits;
  }

  private ClassHeader read(String name) {
    if (System.getSecurityManager() != null) {
      // reading a class file then runs permission checks that load classes (permission collections, the jrt
      // handler's privileged actions); when that is the class being defined, the JVM throws a sticky
      // ClassCircularityError into the application. Unknown: Byte Buddy decides, as without the filter.
      return null;
    }
    String resource = name.replace('.', '/') + ".class";
    ClassLoader l = loader == null ? null : loader.get();
    if (loader != null && l == null) {
      return null; // the loader is gone
    }
    try (InputStream in = l != null ? l.getResourceAsStream(resource)
        : ClassLoader.getSystemResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] classFile = readAll(in);
      SeenClassFiles.record(name, classFile); // Byte Buddy's locator answers from it if the class goes on to it
      return ClassHeader.read(classFile);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buf = new byte[4096];
    for (int n; (n = in.read(buf)) != -1; ) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  // open addressing on 56 bits of the name hash; a hash of 0 there is stored as 1 (a collision is as unlikely
  // as any other: 16,000 types of one loader share a 56-bit value with a chance of 2 in a billion)

  synchronized long get(long hash) {
    long slot = slots[slot(key(hash))];
    return slot != 0 ? bitSets[(int) (slot >>> 56)] : ABSENT;
  }

  synchronized void put(long hash, long bits) {
    long k = key(hash);
    int s = slot(k);
    if (slots[s] == 0 && ++size * 4L > slots.length * 3L) {
      rehash(slots.length * 2);
      s = slot(k);
    }
    slots[s] = (long) bitSetIndex(bits) << 56 | k;
  }

  synchronized int size() {
    return size;
  }

  /** The table's arrays, in bytes (for the debug log and tests). */
  synchronized long heapBytes() {
    return 8L * (slots.length + bitSets.length);
  }

  /**
   * Shrinks the table to a third more slots than the types it holds. Once class loading has gone quiet: a loader
   * that defines classes again grows it back, a doubling at a time.
   */
  synchronized void compact() {
    int capacity = Math.max(8, size + size / 3 + 1); // above 4/3 of size: put() would not grow it
    if (capacity < slots.length) {
      rehash(capacity);
    }
  }

  private static long key(long hash) {
    long k = hash & HASH_BITS;
    return k == 0 ? 1 : k;
  }

  /** The slot holding {@code k}, or the empty one where it would go. */
  private int slot(long k) {
    long[] t = slots;
    // the hash mixed, then mapped onto the table by a multiply, not a mask: any capacity will do
    int s = (int) (((k * 0x9E3779B97F4A7C15L) >>> 32) * t.length >>> 32);
    for (long slot; (slot = t[s]) != 0 && (slot & HASH_BITS) != k; ) {
      if (++s == t.length) {
        s = 0;
      }
    }
    return s;
  }

  private int bitSetIndex(long bits) {
    for (int i = 0; i < bitSetCount; i++) {
      if (bitSets[i] == bits) {
        return i;
      }
    }
    if (bitSetCount >= MAX_BIT_SETS - 1 && bits != ALL_BITS) { // the last index is kept for ALL_BITS
      return bitSetIndex(ALL_BITS);
    }
    if (bitSetCount == bitSets.length) {
      bitSets = Arrays.copyOf(bitSets, Math.min(bitSets.length * 2, MAX_BIT_SETS));
    }
    bitSets[bitSetCount] = bits;
    return bitSetCount++;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    for (long slot : old) {
      if (slot != 0) {
        slots[slot(slot & HASH_BITS)] = slot;
      }
    }
  }
}
