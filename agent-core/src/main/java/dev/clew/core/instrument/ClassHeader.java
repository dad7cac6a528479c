package dev.clew.core.instrument;

import java.nio.charset.StandardCharsets;

/**
 * The names at the head of a class file (this class, its superclass, its interfaces), read straight from
 * the constant pool without building a type description: enough to decide whether any instrumentation
 * could want the class. Names are compared by a 64-bit hash of their internal form ({@code java/sql/Statement}),
 * so the common case allocates no strings.
 */
final class ClassHeader {
  private static final int ACC_INTERFACE = 0x0200;

  private final byte[] bytes;
  private final int access;
  private final int thisName;
  private final int superName; // -1 for java/lang/Object and module-info
  private final int[] interfaceNames;

  private ClassHeader(byte[] bytes, int access, int thisName, int superName, int[] interfaceNames) {
    this.bytes = bytes;
    this.access = access;
    this.thisName = thisName;
    this.superName = superName;
    this.interfaceNames = interfaceNames;
  }

  /** The header of a class file, or null if the bytes are not a class file this reader understands. */
  static ClassHeader read(byte[] b) {
    try {
      if (b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
        return null;
      }
      int count = u2(b, 8);
      int[] offsets = new int[count]; // constant pool index -> offset just past the entry's tag
      int p = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = p + 1;
        int size = entrySize(b, p);
        if (size < 0) {
          return null;
        }
        p += size;
        if (takesTwoSlots(b[p - size])) {
          i++;
        }
      }
      int access = u2(b, p);
      int thisName = classNameOffset(b, offsets, u2(b, p + 2));
      int superIndex = u2(b, p + 4);
      int superName = superIndex == 0 ? -1 : classNameOffset(b, offsets, superIndex);
      int n = u2(b, p + 6);
      int[] interfaces = new int[n];
      for (int i = 0; i < n; i++) {
        interfaces[i] = classNameOffset(b, offsets, u2(b, p + 8 + 2 * i));
      }
      return new ClassHeader(b, access, thisName, superName, interfaces);
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return null;
    }
  }

  /**
   * Whether the class file's constant pool holds one of the given names (as {@link #hash(String)} hashes them,
   * with their lengths in bytes): e.g. an annotation's descriptor {@code Lcom/acme/Traced;}, present in every
   * class that uses the annotation. True for bytes this reader does not understand.
   */
  static boolean mentionsAny(byte[] b, long[] hashes, int[] lengths) {
    try {
      if (b.length < 10 || u4(b, 0) != 0xCAFEBABE) {
        return true;
      }
      int count = u2(b, 8);
      int p = 10;
      for (int i = 1; i < count; i++) {
        int size = entrySize(b, p);
        if (size < 0) {
          return true;
        }
        if (b[p] == 1) { // Utf8: hashed only when its length is one asked for
          int length = size - 3;
          for (int k = 0; k < hashes.length; k++) {
            if (lengths[k] == length && hash(b, p + 1) == hashes[k]) {
              return true;
            }
          }
        } else if (takesTwoSlots(b[p])) {
          i++;
        }
        p += size;
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return true;
    }
  }

  /** The size in bytes of the constant pool entry at {@code p} (its tag included); -1 for an unknown tag. */
  private static int entrySize(byte[] b, int p) {
    switch (b[p] & 0xFF) {
      case 1: return 3 + u2(b, p + 1); // Utf8
      case 7: case 8: case 16: case 19: case 20: return 3; // Class, String, MethodType, Module, Package
      case 15: return 4; // MethodHandle
      case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: return 5;
      case 5: case 6: return 9; // Long, Double
      default: return -1;
    }
  }

  /** Long and Double constants take two constant pool slots. */
  private static boolean takesTwoSlots(byte tag) {
    return tag == 5 || tag == 6;
  }

  /** The offset of the Utf8 entry (its length field) that names the class at a Class constant. */
  private static int classNameOffset(byte[] b, int[] offsets, int classIndex) {
    return offsets[u2(b, offsets[classIndex])];
  }

  boolean isInterface() {
    return (access & ACC_INTERFACE) != 0;
  }

  long nameHash() {
    return hash(bytes, thisName);
  }

  /** Direct supertypes: the superclass (if any) and the interfaces. */
  int superTypeCount() {
    return (superName < 0 ? 0 : 1) + interfaceNames.length;
  }

  long superTypeHash(int i) {
    return hash(bytes, superTypeOffset(i));
  }

  /** The binary name ({@code java.sql.Statement}) of a direct supertype; allocates, for the rare lookups. */
  String superTypeName(int i) {
    int off = superTypeOffset(i);
    return new String(bytes, off + 2, u2(bytes, off), StandardCharsets.UTF_8).replace('/', '.');
  }

  private int superTypeOffset(int i) {
    if (superName >= 0) {
      return i == 0 ? superName : interfaceNames[i - 1];
    }
    return interfaceNames[i];
  }

  /** FNV-1a over a Utf8 entry's bytes: the internal name as the class file spells it. */
  private static long hash(byte[] b, int lengthOffset) {
    long h = 0xcbf29ce484222325L;
    int end = lengthOffset + 2 + u2(b, lengthOffset);
    for (int i = lengthOffset + 2; i < end; i++) {
      h ^= b[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * The same hash for a binary name ({@code java.sql.Statement} or {@code java/sql/Statement}), encoding each
   * character as a class file's modified UTF-8 does.
   */
  static long hash(String name) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        c = '/';
      }
      if (c != 0 && c < 0x80) {
        h = (h ^ c) * 0x100000001b3L;
      } else if (c < 0x800) {
        h = (h ^ (0xC0 | (c >> 6))) * 0x100000001b3L;
        h = (h ^ (0x80 | (c & 0x3F))) * 0x100000001b3L;
      } else {
        h = (h ^ (0xE0 | (c >> 12))) * 0x100000001b3L;
        h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * 0x100000001b3L;
        h = (h ^ (0x80 | (c & 0x3F))) * 0x100000001b3L;
      }
    }
    return h;
  }

  private static int u2(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static int u4(byte[] b, int p) {
    return (u2(b, p) << 16) | u2(b, p + 2);
  }
}
