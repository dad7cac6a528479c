package dev.clew.core.export.otlp;

import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code partial_success} of an OTLP {@code ExportTraceServiceResponse}: how many spans the
 * backend rejected and why. Protobuf is walked by hand (field 1 = partial_success, inside it
 * 1 = rejected_spans, 2 = error_message); JSON is scanned for {@code rejectedSpans}/{@code errorMessage}.
 */
final class OtlpPartialSuccess {
  final long rejectedSpans;
  final String errorMessage;

  private OtlpPartialSuccess(long rejectedSpans, String errorMessage) {
    this.rejectedSpans = rejectedSpans;
    this.errorMessage = errorMessage;
  }

  /** The partial success in a response body, or null when there is none (full success). */
  static OtlpPartialSuccess parse(byte[] body, String contentType) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      OtlpPartialSuccess p = contentType != null && contentType.contains("json") ? fromJson(body) : fromProto(body);
      return p == null || (p.rejectedSpans == 0 && p.errorMessage.isEmpty()) ? null : p;
    } catch (RuntimeException e) {
      return null; // not a response we understand: the request itself succeeded
    }
  }

  private static OtlpPartialSuccess fromProto(byte[] b) {
    Reader r = new Reader(b, 0, b.length);
    while (r.pos < r.end) {
      long tag = r.varint();
      if (tag == ((1 << 3) | 2)) {
        int len = (int) r.varint();
        Reader in = new Reader(b, r.pos, r.pos + len);
        long rejected = 0;
        String message = "";
        while (in.pos < in.end) {
          long t = in.varint();
          if (t == ((1 << 3) | 0)) {
            rejected = in.varint();
          } else if (t == ((2 << 3) | 2)) {
            int l = (int) in.varint();
            message = new String(b, in.pos, l, StandardCharsets.UTF_8);
            in.pos += l;
          } else {
            in.skip((int) (t & 7));
          }
        }
        return new OtlpPartialSuccess(rejected, message);
      }
      r.skip((int) (tag & 7));
    }
    return null;
  }

  private static OtlpPartialSuccess fromJson(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    if (!s.contains("partialSuccess")) {
      return null;
    }
    String rejected = jsonValue(s, "rejectedSpans");
    String message = jsonValue(s, "errorMessage");
    return new OtlpPartialSuccess(rejected == null ? 0 : Long.parseLong(rejected), message == null ? "" : message);
  }

  /** The scalar after {@code "key":}, without quotes (int64 is a string in OTLP/JSON). */
  private static String jsonValue(String s, String key) {
    int k = s.indexOf("\"" + key + "\"");
    if (k < 0) {
      return null;
    }
    int i = s.indexOf(':', k) + 1;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '"') {
      StringBuilder out = new StringBuilder();
      for (int j = i + 1; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '\\' && j + 1 < s.length()) {
          out.append(s.charAt(++j));
        } else if (c == '"') {
          break;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    int j = i;
    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
      j++;
    }
    return s.substring(i, j);
  }

  private static final class Reader {
    final byte[] b;
    int pos;
    final int end;

    Reader(byte[] b, int pos, int end) {
      if (end > b.length) {
        throw new IllegalArgumentException("truncated");
      }
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("bad varint");
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0:
          varint();
          break;
        case 1:
          pos += 8;
          break;
        case 2:
          pos += (int) varint();
          break;
        case 5:
          pos += 4;
          break;
        default:
          throw new IllegalArgumentException("wire type " + wireType);
      }
    }
  }
}
