package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpServerAttributesTest {
  @Test
  void forwardedForNamesTheFirstClient() {
    assertEquals("192.0.2.60", HttpServerAttributes.forwardedFor("for=192.0.2.60;proto=http;by=203.0.113.43"));
    assertEquals("192.0.2.43", HttpServerAttributes.forwardedFor("for=192.0.2.43, for=198.51.100.17"));
    assertEquals("1.2.3.4", HttpServerAttributes.forwardedFor("proto=https;For=\"1.2.3.4:8080\""));
    assertEquals("2001:db8:cafe::17", HttpServerAttributes.forwardedFor("for=\"[2001:db8:cafe::17]:4711\""));
  }

  @Test
  void obfuscatedOrUnknownClientsAreNotAddresses() {
    assertNull(HttpServerAttributes.forwardedFor("for=unknown"));
    assertNull(HttpServerAttributes.forwardedFor("for=_hidden"));
    assertNull(HttpServerAttributes.forwardedFor("proto=https;by=10.0.0.1"));
    assertNull(HttpServerAttributes.forwardedFor("xfor=1.2.3.4"));
  }
}
