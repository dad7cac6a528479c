package dev.clew.core.export.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code partial_success} of an OTLP {@code ExportTraceServiceResponse}: how many spans the
 * backend rejected and why. Protobuf is walked by hand (field 1 = partial_success, inside it
 * 1 = rejected_spans, 2 = error_message); JSON is read with jackson-core's streaming parser
 * ({@code partialSuccess.rejectedSpans}/{@code errorMessage}; unknown fields are skipped, as OTLP requires).
 */
final class OtlpPartialSuccess {
  private static final JsonFactory JSON = new JsonFactory();

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
    } catch (IOException | RuntimeException e) {
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

  private static OtlpPartialSuccess fromJson(byte[] b) throws IOException {
    try (JsonParser p = JSON.createParser(b)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      OtlpPartialSuccess result = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_OBJECT && isField(name, "partialSuccess", "partial_success")) {
          result = readPartialSuccess(p);
        } else {
          p.skipChildren(); // unknown fields are ignored, whatever they hold
        }
      }
      return result;
    }
  }

  /** Reads the fields of the {@code partialSuccess} object the parser is at; int64 may come as a string or a number. */
  private static OtlpPartialSuccess readPartialSuccess(JsonParser p) throws IOException {
    long rejected = 0;
    String message = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (isField(name, "rejectedSpans", "rejected_spans")
          && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
        rejected = value == JsonToken.VALUE_STRING ? Long.parseLong(p.getText().trim()) : p.getLongValue();
      } else if (isField(name, "errorMessage", "error_message") && value == JsonToken.VALUE_STRING) {
        message = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new OtlpPartialSuccess(rejected, message);
  }

  /** OTLP/JSON writes lowerCamelCase; the protobuf JSON mapping lets a parser accept the proto name too. */
  private static boolean isField(String name, String camel, String proto) {
    return camel.equals(name) || proto.equals(name);
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
