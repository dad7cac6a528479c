package dev.clew.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OTLP/JSON with the official classes. protobuf's {@code JsonFormat} alone would read hex ids as
 * base64 and accept what OTLP/JSON forbids (enum names, snake_case keys), so ids are converted first and
 * {@link #violations} checks the OTLP/JSON rules separately.
 */
public final class OtlpJson {
  private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
  private static final Set<String> INT64_FIELDS = Set.of("intValue", "startTimeUnixNano", "endTimeUnixNano",
      "timeUnixNano");
  private static final Set<String> ENUM_FIELDS = Set.of("kind", "code");

  private OtlpJson() {}

  /** Decodes an OTLP/JSON trace request; unknown fields are ignored, as OTLP requires of receivers. */
  public static ExportTraceServiceRequest parse(String json) throws InvalidProtocolBufferException {
    JsonElement tree = JsonParser.parseString(json);
    hexIdsToBase64(tree);
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(tree.toString(), b);
    return b.build();
  }

  /**
   * Breaches of the OTLP/JSON rules JsonFormat does not check: ids as lower-case hex of the right length,
   * lowerCamelCase keys, enums as integers, 64-bit integers as decimal strings, no empty arrays. Empty when
   * the document follows them.
   */
  public static List<String> violations(String json) {
    List<String> out = new ArrayList<>();
    check(JsonParser.parseString(json), null, out);
    return out;
  }

  private static void hexIdsToBase64(JsonElement e) {
    if (e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        hexIdsToBase64(x);
      }
    } else if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
        if (ID_FIELDS.contains(f.getKey()) && f.getValue().isJsonPrimitive()) {
          byte[] id = HexFormat.of().parseHex(f.getValue().getAsString());
          f.setValue(new JsonPrimitive(Base64.getEncoder().encodeToString(id)));
        } else {
          hexIdsToBase64(f.getValue());
        }
      }
    }
  }

  private static void check(JsonElement e, String field, List<String> out) {
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      if (a.isEmpty()) {
        out.add(field + ": empty array (left out when empty)");
      }
      for (JsonElement x : a) {
        check(x, field, out);
      }
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      for (Map.Entry<String, JsonElement> f : o.entrySet()) {
        if (!f.getKey().matches("[a-z][a-zA-Z0-9]*")) {
          out.add("key not lowerCamelCase: " + f.getKey());
        }
        check(f.getValue(), f.getKey(), out);
      }
    } else if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (ID_FIELDS.contains(field)) {
        int len = "traceId".equals(field) ? 32 : 16;
        if (!p.isString() || !p.getAsString().matches("[0-9a-f]{" + len + "}")) {
          out.add(field + " not " + len + " lower-case hex digits: " + p);
        }
      } else if (INT64_FIELDS.contains(field)) {
        if (!p.isString() || !p.getAsString().matches("-?[0-9]+")) {
          out.add(field + " not a decimal string: " + p);
        }
      } else if (ENUM_FIELDS.contains(field) && !p.isNumber()) {
        out.add(field + " not an integer: " + p);
      }
    }
  }
}
