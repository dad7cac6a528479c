package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpCommonTest {
  @Test
  void knownMethodsKeptOthersBecomeOther() {
    assertEquals("GET", HttpCommon.normalizeMethod("GET"));
    assertEquals("PATCH", HttpCommon.normalizeMethod("PATCH"));
    assertEquals("_OTHER", HttpCommon.normalizeMethod("get"));
    assertEquals("_OTHER", HttpCommon.normalizeMethod("PROPFIND"));
    assertEquals("_OTHER", HttpCommon.normalizeMethod(null));
  }

  @Test
  void spanNames() {
    assertEquals("GET /users/*", HttpCommon.spanName("GET", "/users/*"));
    assertEquals("POST", HttpCommon.spanName("POST", null));
    assertEquals("HTTP", HttpCommon.spanName("PROPFIND", "/x"));
  }

  @Test
  void protocolVersion() {
    assertEquals("1.1", HttpCommon.protocolVersion("HTTP/1.1"));
    assertEquals("2", HttpCommon.protocolVersion("HTTP/2.0"));
    assertNull(HttpCommon.protocolVersion(null));
  }
}
