package dev.clew.core.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtlpPartialSuccessTest {
  @Test
  void readsTheProtobufResponse() {
    // ExportTraceServiceResponse{partial_success{rejected_spans: 3, error_message: "too big"}}:
    // field 1 (len 11) { field 1 varint 3, field 2 (len 7) "too big" }
    byte[] body = {0x0a, 11, 0x08, 3, 0x12, 7, 't', 'o', 'o', ' ', 'b', 'i', 'g'};
    OtlpPartialSuccess p = OtlpPartialSuccess.parse(body, "application/x-protobuf");
    assertEquals(3, p.rejectedSpans);
    assertEquals("too big", p.errorMessage);
  }

  @Test
  void readsTheJsonResponse() {
    byte[] body = "{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"bad \\\"id\\\"\"}}"
        .getBytes(StandardCharsets.UTF_8);
    OtlpPartialSuccess p = OtlpPartialSuccess.parse(body, "application/json");
    assertEquals(2, p.rejectedSpans);
    assertEquals("bad \"id\"", p.errorMessage);
  }

  @Test
  void jsonEscapesAreDecoded() {
    byte[] body = json("{'partialSuccess':{'rejectedSpans':'1','errorMessage':"
        + "'line one\\nline two\\ttab \\u00e9t\\u00e9 back\\\\slash \\/ \\'quoted\\''}}");
    OtlpPartialSuccess p = OtlpPartialSuccess.parse(body, "application/json; charset=utf-8");
    assertEquals(1, p.rejectedSpans);
    assertEquals("line one\nline two\ttab \u00e9t\u00e9 back\\slash / \"quoted\"", p.errorMessage);
  }

  @Test
  void unknownJsonFieldsAreSkippedWhateverTheyHold() {
    // the same names inside an unknown field must not be taken for the real ones
    byte[] body = json("{'extra':{'rejectedSpans':'99','errorMessage':'decoy','list':[1,{'a':null}]},"
        + "'partialSuccess':{'note':{'rejectedSpans':'98'},'rejectedSpans':'4','future':[true,false],"
        + "'errorMessage':'spans too old'},'trailer':3.5}");
    OtlpPartialSuccess p = OtlpPartialSuccess.parse(body, "application/json");
    assertEquals(4, p.rejectedSpans);
    assertEquals("spans too old", p.errorMessage);
  }

  @Test
  void int64AsANumberAndProtoFieldNamesAreAccepted() {
    OtlpPartialSuccess p = OtlpPartialSuccess.parse(
        json("{'partial_success':{'rejected_spans':5,'error_message':'x'}}"), "application/json");
    assertEquals(5, p.rejectedSpans);
    assertEquals("x", p.errorMessage);
  }

  @Test
  void malformedOrEmptyJsonIsNoPartialSuccess() {
    assertNull(OtlpPartialSuccess.parse(json("{'partialSuccess':{}}"), "application/json"), "empty = success");
    assertNull(OtlpPartialSuccess.parse(json("{'partialSuccess':{'rejectedSpans':'0','errorMessage':''}}"),
        "application/json"));
    assertNull(OtlpPartialSuccess.parse(json("{'partialSuccess':{'rejectedSpans':'2'"), "application/json"),
        "truncated");
    assertNull(OtlpPartialSuccess.parse(json("[1,2]"), "application/json"));
    assertNull(OtlpPartialSuccess.parse(json("{'partialSuccess':{'rejectedSpans':'many'}}"), "application/json"));
  }

  /** JSON written with single quotes for readability. */
  private static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fullSuccessIsNotAPartialSuccess() {
    assertNull(OtlpPartialSuccess.parse(new byte[0], "application/x-protobuf"));
    assertNull(OtlpPartialSuccess.parse(new byte[] {0x0a, 0}, "application/x-protobuf"));
    assertNull(OtlpPartialSuccess.parse("{}".getBytes(StandardCharsets.UTF_8), "application/json"));
    assertNull(OtlpPartialSuccess.parse(new byte[] {(byte) 0xff}, "application/x-protobuf"), "garbage is ignored");
  }
}
