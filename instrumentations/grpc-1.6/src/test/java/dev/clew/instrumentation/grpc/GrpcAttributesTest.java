package dev.clew.instrumentation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of the module: authorities, method names, the server error codes, metadata access. */
class GrpcAttributesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "example.com:443, example.com, 443",
      "example.com, example.com, -1",
      "10.1.2.80:50051, 10.1.2.80, 50051",
      "'[2001:db8::1]:8443', 2001:db8::1, 8443",
      "'[2001:db8::1]', 2001:db8::1, -1",
      "'2001:db8::1', 2001:db8::1, -1",
      "user@example.com:80, example.com, 80",
      "example.com:http, example.com, -1",
      "example.com:99999, example.com, -1",
      "example.com:, example.com, -1",
  })
  void authorityIsSplitIntoHostAndPort(String authority, String host, int port) {
    GrpcAttributes.Authority a = GrpcAttributes.Authority.parse(authority);
    assertEquals(host, a.host);
    assertEquals(port, a.port);
  }

  @Test
  void anUnknownAuthorityHasNoHost() {
    assertNull(GrpcAttributes.Authority.parse(null).host);
    assertNull(GrpcAttributes.Authority.parse("").host);
  }

  @Test
  void theSameAuthorityIsSplitOnce() {
    GrpcAttributes.Authority first = GrpcAttributes.Authority.parse("example.com:443");
    assertSame(first, GrpcAttributes.Authority.parse(new String("example.com:443"), first));
    assertEquals("other", GrpcAttributes.Authority.parse("other:1", first).host);
  }

  @Test
  void fullMethodNameIsServiceAndMethod() {
    GrpcAttributes.RpcMethod m = GrpcAttributes.method("acme.shop.Inventory/Reserve");
    assertEquals("acme.shop.Inventory", m.service);
    assertEquals("Reserve", m.method);
    assertSame(m, GrpcAttributes.method("acme.shop.Inventory/Reserve"), "split once per name");
    GrpcAttributes.RpcMethod bare = GrpcAttributes.method("Ping");
    assertNull(bare.service);
    assertEquals("Ping", bare.method);
  }

  @Test
  void serverErrorsAreTheCodesTheConventionsList() {
    Set<Status.Code> errors = EnumSet.of(Status.Code.UNKNOWN, Status.Code.DEADLINE_EXCEEDED, Status.Code.UNIMPLEMENTED,
        Status.Code.INTERNAL, Status.Code.UNAVAILABLE, Status.Code.DATA_LOSS);
    for (Status.Code code : Status.Code.values()) {
      assertEquals(errors.contains(code), GrpcAttributes.isServerError(code), code.name());
    }
  }

  @Test
  void metadataEntriesAreReplacedAndReadAsAscii() {
    Metadata m = new Metadata();
    Metadata.Key<String> traceparent = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    m.put(traceparent, "old");
    GrpcMetadata.INSTANCE.set(m, "traceparent", "new");
    assertEquals(List.of("new"), list(m.getAll(traceparent).iterator()), "replaced, not added");
    GrpcMetadata.INSTANCE.set(m, "X-B3-TraceId", "abc");
    assertEquals("abc", GrpcMetadata.INSTANCE.get(m, "x-b3-traceid"), "names are case-insensitive");
    m.put(Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER), "a=1");
    m.put(Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER), "b=2");
    assertEquals(List.of("a=1", "b=2"), list(GrpcMetadata.INSTANCE.getAll(m, "tracestate")));
    assertTrue(list(GrpcMetadata.INSTANCE.keys(m).iterator()).contains("x-b3-traceid"));
    assertNull(GrpcMetadata.INSTANCE.get(m, "missing"));
    assertNull(GrpcMetadata.INSTANCE.values(m, "missing"));
  }

  @Test
  void binaryAndInvalidKeysAreSkippedNotThrownOn() {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("grpc-trace-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2});
    assertNull(GrpcMetadata.INSTANCE.get(m, "grpc-trace-bin"));
    GrpcMetadata.INSTANCE.set(m, "grpc-trace-bin", "text");
    GrpcMetadata.INSTANCE.set(m, "bad key", "value");
    assertFalse(GrpcMetadata.INSTANCE.getAll(m, "bad key").hasNext());
    assertEquals(1, m.keys().size(), "only the binary entry the application put");
  }

  private static List<String> list(Iterator<String> values) {
    List<String> out = new ArrayList<>();
    values.forEachRemaining(out::add);
    return out;
  }
}
