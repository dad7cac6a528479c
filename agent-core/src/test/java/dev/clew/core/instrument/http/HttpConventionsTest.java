package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HttpConventionsTest {
  @Test
  void knownMethodsKeepTheirNameOthersBecomeOther() {
    assertEquals("GET", HttpConventions.normalizeMethod("GET"));
    assertEquals("PATCH", HttpConventions.normalizeMethod("PATCH"));
    assertEquals("_OTHER", HttpConventions.normalizeMethod("get"));
    assertEquals("_OTHER", HttpConventions.normalizeMethod("PROPFIND"));
    assertEquals("_OTHER", HttpConventions.normalizeMethod(null));
  }

  @Test
  void userInfoIsRedacted() {
    assertEquals("https://REDACTED:REDACTED@example.com:8443/a?b=c",
        HttpConventions.redactUrl("https://bob:secret@example.com:8443/a?b=c"));
    assertEquals("http://REDACTED:REDACTED@example.com",
        HttpConventions.redactUrl("http://bob@example.com"));
  }

  @Test
  void anAtSignAfterTheAuthorityIsNotUserInfo() {
    String url = "http://example.com/users/@bob?mail=a@b.c";
    assertSame(url, HttpConventions.redactUrl(url));
  }

  @Test
  void sensitiveQueryValuesAreRedactedOthersKept() {
    assertEquals("https://s3.example.com/o?AWSAccessKeyId=REDACTED&x=1&Signature=REDACTED#frag",
        HttpConventions.redactUrl("https://s3.example.com/o?AWSAccessKeyId=AKIA&x=1&Signature=abc%2F#frag"));
    assertEquals("https://g.example.com/o?X-Goog-Signature=REDACTED",
        HttpConventions.redactUrl("https://g.example.com/o?X-Goog-Signature=00ff"));
    assertEquals("http://h/p?sig=REDACTED&signature=keep",
        HttpConventions.redactUrl("http://h/p?sig=1&signature=keep"));
  }

  @Test
  void urlWithoutAnythingToRedactIsReturnedAsIs() {
    String url = "http://localhost:8080/path?q=1&sig=";
    assertSame(url, HttpConventions.redactUrl(url));
  }
}
