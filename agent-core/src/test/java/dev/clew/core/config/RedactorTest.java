package dev.clew.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static Redactor configured(String value) {
    return Redactor.fromConfig(Config.of(Collections.singletonMap(Redactor.QUERY_PARAMETERS_KEY, value)));
  }

  @Test
  void everyDefaultNameIsRedactedWhateverItsCase() {
    for (String name : Redactor.DEFAULT_QUERY_PARAMETERS) {
      assertEquals("a=1&" + name + "=REDACTED&b=2", Redactor.DEFAULT.redactQuery("a=1&" + name + "=s3cr3t&b=2"));
      String upper = name.toUpperCase(java.util.Locale.ROOT);
      assertEquals(upper + "=REDACTED", Redactor.DEFAULT.redactQuery(upper + "=s3cr3t"));
    }
    assertTrue(Redactor.DEFAULT_QUERY_PARAMETERS.containsAll(List.of("password", "passwd", "pwd", "token",
        "access_token", "refresh_token", "api_key", "apikey", "key", "secret", "client_secret", "X-Amz-Signature",
        "X-Amz-Credential", "X-Amz-Security-Token", "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature")));
  }

  @Test
  void onlyWholeNamesMatchAndOtherPartsStayAsTheyWere() {
    assertEquals("xsig=kept&sigx=kept&monkey=kept&sig", Redactor.DEFAULT.redactQuery("xsig=kept&sigx=kept&monkey=kept&sig"));
    assertEquals("token=REDACTED&&=x&q", Redactor.DEFAULT.redactQuery("token=a=b&&=x&q"));
    assertEquals("token=REDACTED", Redactor.DEFAULT.redactQuery("token="));
    String untouched = "q=clew&page=2";
    assertSame(untouched, Redactor.DEFAULT.redactQuery(untouched), "nothing to redact: the same instance");
  }

  @Test
  void urlUserInfoAndQueryRedacted() {
    assertEquals("https://REDACTED:REDACTED@example.com/p?X-Goog-Signature=REDACTED&a=1#f",
        Redactor.DEFAULT.redactUrl("https://user:pw@example.com/p?X-Goog-Signature=s3cr3t&a=1#f"));
    assertEquals("http://example.com/a@b", Redactor.DEFAULT.redactUrl("http://example.com/a@b"));
    String plain = "http://example.com/p?q=1";
    assertSame(plain, Redactor.DEFAULT.redactUrl(plain));
  }

  @Test
  void theListCanBeExtendedReplacedOrEmptied() {
    Redactor added = configured("+session_id, sid");
    assertEquals("session_id=REDACTED&sid=REDACTED&token=REDACTED", added.redactQuery("session_id=1&sid=2&token=3"));
    Redactor replaced = configured("session_id");
    assertEquals("session_id=REDACTED&token=3", replaced.redactQuery("session_id=1&token=3"));
    Redactor none = configured("none");
    assertEquals("token=3", none.redactQuery("token=3"));
    assertEquals("http://REDACTED:REDACTED@h/?token=3", none.redactUrl("http://u:p@h/?token=3"),
        "user info is always redacted");
    assertEquals(Redactor.DEFAULT_QUERY_PARAMETERS, Redactor.fromConfig(Config.of(Collections.emptyMap()))
        .queryParameters());
  }

  @Test
  void configValuesAreMaskedForDisplay() {
    Redactor r = Redactor.DEFAULT;
    assertEquals("authorization=REDACTED,x-team=REDACTED",
        r.maskConfigValue("otel.exporter.otlp.headers", "authorization=Bearer X,x-team=shop"));
    assertEquals("authorization=REDACTED", r.maskConfigValue("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "authorization=Basic y"));
    assertEquals("http://REDACTED:REDACTED@host/?token=REDACTED&a=1",
        r.maskConfigValue("otel.exporter.otlp.endpoint", "http://user:PW@host/?token=abc&a=1"));
    assertEquals("REDACTED", r.maskConfigValue("clew.exporter.pasword.secret", "hunter2"));
    assertEquals("orders", r.maskConfigValue("otel.service.name", "orders"));
  }

  @Test
  void displayMasksTheDefaultsEvenWhenSpansUseAShorterList() {
    Config c = Config.of(java.util.Map.of(Redactor.QUERY_PARAMETERS_KEY, "session_id",
        "otel.exporter.otlp.endpoint", "http://h/?token=abc&session_id=1"));
    assertEquals("http://h/?token=REDACTED&session_id=REDACTED", c.shown("otel.exporter.otlp.endpoint",
        c.peek("otel.exporter.otlp.endpoint")));
  }

  @Test
  void excerptsAreShortSingleLineAndHideSecrets() {
    String body = "<error>\n  bad request for http://u:pw@h/x?token=abc\r\n"
        + "Authorization: Bearer eyJhbGciOi.payload.sig\t{\"password\": \"hunter2\", \"api_key\":\"k1\"} client_secret=s3"
        + " ".repeat(50) + "x".repeat(500);
    String e = Redactor.DEFAULT.excerpt(body);
    assertFalse(e.contains("\n") || e.contains("\r") || e.contains("\t") || e.contains("  "), e);
    for (String secret : List.of("pw@", "abc", "eyJhbGciOi", "hunter2", "k1", "s3")) {
      assertFalse(e.contains(secret), secret + " in " + e);
    }
    assertTrue(e.startsWith("<error> bad request for http://REDACTED:REDACTED@h/x?token=REDACTED"), e);
    assertTrue(e.contains("Bearer REDACTED"), e);
    assertTrue(e.length() <= 163, e.length() + ": " + e);
    assertTrue(e.endsWith("..."), e);
  }
}
