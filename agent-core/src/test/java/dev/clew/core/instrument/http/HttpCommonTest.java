package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
  void sensitiveQueryValuesRedacted() {
    assertEquals("a=1&sig=REDACTED&b=2", HttpCommon.redactQuery("a=1&sig=secret&b=2"));
    assertEquals("AWSAccessKeyId=REDACTED&Signature=REDACTED",
        HttpCommon.redactQuery("AWSAccessKeyId=AKIA&Signature=abc"));
    assertEquals("signature=kept&xsig=kept", HttpCommon.redactQuery("signature=kept&xsig=kept"));
    assertEquals("sig", HttpCommon.redactQuery("sig"));
    String untouched = "q=clew&page=2";
    assertSame(untouched, HttpCommon.redactQuery(untouched));
  }

  @Test
  void urlCredentialsRedacted() {
    assertEquals("https://REDACTED:REDACTED@example.com/p?X-Goog-Signature=REDACTED#f",
        HttpCommon.redactUrl("https://user:pw@example.com/p?X-Goog-Signature=s3cr3t#f"));
    assertEquals("http://example.com/a@b", HttpCommon.redactUrl("http://example.com/a@b"));
  }

  @Test
  void protocolVersion() {
    assertEquals("1.1", HttpCommon.protocolVersion("HTTP/1.1"));
    assertEquals("2", HttpCommon.protocolVersion("HTTP/2.0"));
    assertNull(HttpCommon.protocolVersion(null));
  }
}
