package dev.clew.core.export.otlp;

/**
 * Protobuf wire-format primitives over a byte array of known size, plus the matching size functions.
 * Strings are UTF-8 encoded in place (no {@code getBytes} copy); an unpaired surrogate becomes {@code '?'},
 * as {@link String#getBytes} would do.
 */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  byte[] buf;
  int pos;

  void reset(byte[] target, int offset) {
    buf = target;
    pos = offset;
  }

  void tag(int field, int wireType) {
    varint32((field << 3) | wireType);
  }

  void varint32(int v) {
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7F) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  void varint64(long v) {
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  void fixed64(long v) {
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < 8; i++) {
      b[p++] = (byte) v;
      v >>>= 8;
    }
    pos = p;
  }

  void fixed32(int v) {
    byte[] b = buf;
    int p = pos;
    b[p++] = (byte) v;
    b[p++] = (byte) (v >>> 8);
    b[p++] = (byte) (v >>> 16);
    b[p++] = (byte) (v >>> 24);
    pos = p;
  }

  /** 8 bytes big-endian: the wire form of (half) an id. */
  void idBytes(long v) {
    byte[] b = buf;
    int p = pos;
    for (int i = 56; i >= 0; i -= 8) {
      b[p++] = (byte) (v >>> i);
    }
    pos = p;
  }

  /** Writes the characters of {@code s}, whose UTF-8 length {@code utf8Len} was computed before. */
  void utf8(String s, int utf8Len) {
    byte[] b = buf;
    int p = pos;
    int n = s.length();
    int i = 0;
    if (utf8Len == n) { // ASCII, unless it holds lone surrogates (also one byte each)
      for (char c; i < n && (c = s.charAt(i)) < 0x80; i++) {
        b[p++] = (byte) c;
      }
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >>> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >>> 18));
          b[p++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = (byte) '?';
        }
      } else {
        b[p++] = (byte) (0xE0 | (c >>> 12));
        b[p++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    pos = p;
  }

  /**
   * Writes an ASCII string (checked by {@link #utf8Measure}) with one bulk copy: most attribute keys and values
   * are ASCII, and copying them char by char was the encoder's largest cost.
   */
  @SuppressWarnings("deprecation") // the one String method that copies into an array without allocating
  void ascii(String s) {
    int n = s.length();
    s.getBytes(0, n, buf, pos);
    pos += n;
  }

  /** The UTF-8 length of {@code s} if it is all ASCII, else that length complemented ({@code ~len}, negative). */
  static int utf8Measure(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return ~utf8Length(s);
      }
    }
    return n;
  }

  static int utf8Length(String s) {
    int n = s.length();
    int len = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        len += 1;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          len += 2; // two chars, four bytes
          i++;
        } // else one '?' byte
      } else {
        len += 2;
      }
    }
    return len;
  }

  static int varintSize32(int v) {
    if ((v & (~0 << 7)) == 0) {
      return 1;
    }
    if ((v & (~0 << 14)) == 0) {
      return 2;
    }
    if ((v & (~0 << 21)) == 0) {
      return 3;
    }
    if ((v & (~0 << 28)) == 0) {
      return 4;
    }
    return 5;
  }

  static int varintSize64(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      n++;
      v >>>= 7;
    }
    return n;
  }

  static int tagSize(int field) {
    return varintSize32(field << 3);
  }
}
