package dev.clew.core.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;

/**
 * For the types one class loader sees: which of the instrumentations' relevant types ({@link Anchors}) each
 * one is or descends from, as a bit set. A type's answer is computed once, from its class file (handed to the
 * transformer, or read from the loader when the type is an ancestor not loaded yet) and remembered by the
 * hash of its name, so no class file is read twice and a class hierarchy is never walked again from the top.
 * Two longs a slot, at most half the slots used: 32 to 64 bytes a type. {@link #UNKNOWN} where an ancestor's
 * class file cannot be found.
 */
final class SuperTypeIndex {
  /** Every bit: an ancestor could not be read, so any instrumentation might match (Byte Buddy decides). */
  static final long UNKNOWN = -1L;
  /** Not remembered; never a type's bits, as {@link Anchors} leave the top bit to {@link #UNKNOWN}. */
  private static final long ABSENT = Long.MIN_VALUE;
  private static final int MAX_DEPTH = 100;

  private final Anchors anchors;
  /**
   * Weakly: this index is the value of a weak-keyed map entry for the same loader, and a strong reference
   * here would keep every discarded loader (a redeployed web application) alive. Null for the bootstrap loader.
   */
  private final WeakReference<ClassLoader> loader;
  /** Shared by every loader for {@code java.*} types: only the JDK may define them, the same for everyone. */
  private final SuperTypeIndex jdk;
  private long[] keys = new long[256];
  private long[] values = new long[256];
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

  // open addressing on the 64-bit name hash; a hash of 0 is stored as 1 (a collision is as unlikely as any other)

  private synchronized long get(long hash) {
    int s = slot(key(hash));
    return keys[s] != 0 ? values[s] : ABSENT;
  }

  private synchronized void put(long hash, long bits) {
    long k = key(hash);
    int s = slot(k);
    if (keys[s] == 0) {
      if (++size * 2 > keys.length) {
        grow();
        s = slot(k);
      }
      keys[s] = k;
    }
    values[s] = bits;
  }

  synchronized int size() {
    return size;
  }

  private static long key(long hash) {
    return hash == 0 ? 1 : hash;
  }

  private int slot(long k) {
    int mask = keys.length - 1;
    int s = (int) (k ^ (k >>> 32)) & mask;
    while (keys[s] != 0 && keys[s] != k) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
      }
    }
  }
}
