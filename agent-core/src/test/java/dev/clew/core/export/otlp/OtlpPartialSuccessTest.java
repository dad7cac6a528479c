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
  void fullSuccessIsNotAPartialSuccess() {
    assertNull(OtlpPartialSuccess.parse(new byte[0], "application/x-protobuf"));
    assertNull(OtlpPartialSuccess.parse(new byte[] {0x0a, 0}, "application/x-protobuf"));
    assertNull(OtlpPartialSuccess.parse("{}".getBytes(StandardCharsets.UTF_8), "application/json"));
    assertNull(OtlpPartialSuccess.parse(new byte[] {(byte) 0xff}, "application/x-protobuf"), "garbage is ignored");
  }
}
