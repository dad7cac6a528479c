package dev.clew.instrumentation.methods;

import static dev.clew.testing.AgentSpans.attributes;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.methods.Orders;
import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Methods named in clew.trace.methods (module pom) become INTERNAL spans, nested as the calls are. */
class MethodsInstrumentationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void nestedCallsGiveParentAndChildSpans() {
    assertEquals(6, new Orders().place(3));

    List<Span> spans = AgentSpans.awaitSpans(2, WAIT);
    assertEquals(2, spans.size(), AgentSpans.names(spans).toString());
    Span place = span(spans, "Orders.place");
    Span validate = span(spans, "Orders.validate");
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, place.getKind());
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, validate.getKind());
    assertTrue(isChildOf(validate, place));
    assertTrue(place.getParentSpanId().isEmpty(), "place is a root span");
    assertEquals(16, place.getTraceId().size());
    assertEquals(8, place.getSpanId().size());
    assertEquals(0x101, place.getFlags(), "sampled, parent known to be local");
    AgentSpans.assertAttributesExactly(place,
        Map.of("code.namespace", "dev.clew.testapp.methods.Orders", "code.function", "place"));
    assertTrue(place.getStartTimeUnixNano() <= validate.getStartTimeUnixNano());
    assertTrue(validate.getEndTimeUnixNano() <= place.getEndTimeUnixNano());
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, place.getStatus().getCode());
    assertEquals("clew.methods", AgentSpans.scopeOf(place).getName());
    assertTrue(attributes(AgentSpans.resourceOf(place).getAttributesList()).containsKey("service.name"));
  }

  @Test
  void untracedMethodGivesNoSpan() {
    new Orders().untraced(1);
    new Orders().validate(1);

    List<Span> spans = AgentSpans.awaitSpans(1, WAIT);
    assertEquals(List.of("Orders.validate"), AgentSpans.names(AgentSpans.drain()));
    assertEquals(1, spans.size());
  }

  @Test
  void exceptionMarksSpansAsErrorsAndReachesTheCallerUnchanged() {
    Orders orders = new Orders();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> orders.place(-1));
    assertEquals("quantity must be positive: -1", thrown.getMessage());
    assertSame(IllegalArgumentException.class, thrown.getClass());

    List<Span> spans = AgentSpans.awaitSpans(2, WAIT);
    Span place = span(spans, "Orders.place");
    Span validate = span(spans, "Orders.validate");
    assertTrue(isChildOf(validate, place));
    for (Span s : List.of(place, validate)) {
      assertEquals(Status.StatusCode.STATUS_CODE_ERROR, s.getStatus().getCode(), s.getName());
      assertEquals("quantity must be positive: -1", s.getStatus().getMessage());
      assertEquals(1, s.getEventsCount(), s.getName());
      Span.Event event = s.getEvents(0);
      assertEquals("exception", event.getName());
      Map<String, Object> a = attributes(event.getAttributesList());
      assertEquals("java.lang.IllegalArgumentException", a.get("exception.type"));
      assertEquals("quantity must be positive: -1", a.get("exception.message"));
      String stack = (String) a.get("exception.stacktrace");
      assertTrue(stack.startsWith("java.lang.IllegalArgumentException: quantity must be positive: -1"), stack);
      assertTrue(stack.contains("at dev.clew.testapp.methods.Orders.validate("), stack);
      assertTrue(event.getTimeUnixNano() >= s.getStartTimeUnixNano() && event.getTimeUnixNano() <= s.getEndTimeUnixNano());
    }
  }
}
