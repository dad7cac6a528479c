package dev.clew.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An exact attribute check passes only on the very set, and says what differs. */
class AssertAttributesExactlyTest {
  private static final Span SPAN = Span.newBuilder().setName("GET")
      .addAttributes(kv("http.request.method", AnyValue.newBuilder().setStringValue("GET")))
      .addAttributes(kv("server.port", AnyValue.newBuilder().setIntValue(8080)))
      .addAttributes(kv("network.peer.port", AnyValue.newBuilder().setIntValue(53211)))
      .build();

  private static KeyValue kv(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  @Test
  void theExactSetPasses() {
    AgentSpans.assertAttributesExactly(SPAN, Map.of("http.request.method", "GET", "server.port", 8080L,
        "network.peer.port", AgentSpans.anyOf(Long.class)));
  }

  @Test
  void anExtraAttributeFailsAndIsNamed() {
    AssertionError e = assertThrows(AssertionError.class, () -> AgentSpans.assertAttributesExactly(SPAN,
        Map.of("http.request.method", "GET", "server.port", 8080L)));
    assertTrue(e.getMessage().contains("unexpected network.peer.port = 53211 (Long)"), e.getMessage());
  }

  @Test
  void aMissingOrDifferentAttributeFailsAndIsNamed() {
    AssertionError e = assertThrows(AssertionError.class, () -> AgentSpans.assertAttributesExactly(SPAN,
        Map.of("http.request.method", "POST", "server.port", 8080, "network.peer.port", AgentSpans.anyOf(String.class),
            "url.full", "http://x/")));
    String m = e.getMessage();
    assertTrue(m.contains("http.request.method: expected \"POST\" but was \"GET\""), m);
    assertTrue(m.contains("server.port: expected 8080 (Integer) but was 8080 (Long)"), m);
    assertTrue(m.contains("network.peer.port: expected any String but was 53211 (Long)"), m);
    assertTrue(m.contains("missing url.full = \"http://x/\""), m);
  }

  @Test
  void theAgentsThreadDetailsNeedNotBeExpectedButMustBeTyped() {
    Span withThread = SPAN.toBuilder()
        .addAttributes(kv("thread.id", AnyValue.newBuilder().setIntValue(42)))
        .addAttributes(kv("thread.name", AnyValue.newBuilder().setStringValue("main")))
        .build();
    Map<String, Object> rest = Map.of("http.request.method", "GET", "server.port", 8080L,
        "network.peer.port", AgentSpans.anyOf(Long.class));
    AgentSpans.assertAttributesExactly(withThread, rest);
    AssertionError e = assertThrows(AssertionError.class, () -> AgentSpans.assertAttributesExactly(withThread,
        Map.of("http.request.method", "GET", "server.port", 8080L, "network.peer.port", AgentSpans.anyOf(Long.class),
            "thread.id", 7L)));
    assertTrue(e.getMessage().contains("thread.id: expected 7 (Long) but was 42 (Long)"), e.getMessage());
    Span badThread = SPAN.toBuilder().addAttributes(kv("thread.id", AnyValue.newBuilder().setStringValue("x")))
        .build();
    e = assertThrows(AssertionError.class, () -> AgentSpans.assertAttributesExactly(badThread, rest));
    assertTrue(e.getMessage().contains("thread.id: expected any Long but was \"x\""), e.getMessage());
  }
}
