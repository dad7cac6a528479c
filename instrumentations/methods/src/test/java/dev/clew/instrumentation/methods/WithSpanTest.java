package dev.clew.instrumentation.methods;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.span;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testapp.methods.Checkout;
import dev.clew.testing.AgentSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Methods annotated with OpenTelemetry's @WithSpan become spans, named, typed and attributed as annotated. */
class WithSpanTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Checkout checkout = new Checkout();

  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void annotatedMethodsAreSpansWithTheirNamesKindsAndAttributes() {
    assertEquals(60, checkout.total(3));

    List<Span> spans = AgentSpans.awaitSpans(2, WAIT);
    assertEquals(2, spans.size(), AgentSpans.names(spans).toString());
    Span total = span(spans, "Checkout.total");
    Span price = span(spans, "price lookup");
    assertTrue(isChildOf(price, total));
    assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, total.getKind());
    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, price.getKind());
    assertEquals("sku-1", attribute(price, "shop.sku"));
    assertEquals(3L, attribute(price, "quantity"), "an unnamed @SpanAttribute takes the parameter's name");
    assertNull(attribute(price, "note"));
    assertNull(attribute(total, "items"), "parameters without @SpanAttribute are not recorded");
    assertEquals("dev.clew.testapp.methods.Checkout", attribute(total, "code.namespace"));
    assertEquals("total", attribute(total, "code.function"));
    assertEquals("clew.methods", AgentSpans.scopeOf(total).getName());
  }

  @Test
  void anExceptionIsRecordedAndReachesTheCaller() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> checkout.refuse("closed"));
    assertEquals("refused: closed", e.getMessage());

    Span refuse = span(AgentSpans.awaitSpans(1, WAIT), "Checkout.refuse");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, refuse.getStatus().getCode());
    assertEquals("closed", attribute(refuse, "shop.reason"));
    assertEquals("exception", refuse.getEvents(0).getName());
    assertEquals("java.lang.IllegalStateException",
        AgentSpans.attributes(refuse.getEvents(0).getAttributesList()).get("exception.type"));
  }

  @Test
  void aReturnedFutureEndsTheSpanWhenItCompletes() throws Exception {
    CompletableFuture<String> carrier = new CompletableFuture<>();
    CompletableFuture<String> shipped = checkout.ship(carrier);
    assertTrue(AgentSpans.drain().isEmpty(), "the span is still open while the future is");
    carrier.complete("ups");
    assertEquals("shipped by ups", shipped.get());

    Span ship = span(AgentSpans.awaitSpans(1, WAIT), "Checkout.ship");
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, ship.getStatus().getCode());
  }

  @Test
  void aStageThatFailsMarksTheSpanWithItsOwnException() {
    CompletableFuture<String> carrier = new CompletableFuture<>();
    CompletableFuture<String> shipped = checkout.shipOrFail(carrier).toCompletableFuture();
    carrier.completeExceptionally(new IllegalArgumentException("no carrier"));
    assertThrows(ExecutionException.class, shipped::get);

    Span ship = span(AgentSpans.awaitSpans(1, WAIT), "Checkout.shipOrFail");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, ship.getStatus().getCode());
    Map<String, Object> exception = AgentSpans.attributes(ship.getEvents(0).getAttributesList());
    assertEquals("java.lang.IllegalArgumentException", exception.get("exception.type"), "unwrapped");
  }

  @Test
  void inheritContextFalseStartsANewTrace() {
    checkout.closeDay();
    List<Span> spans = AgentSpans.awaitSpans(2, WAIT);
    Span closeDay = span(spans, "Checkout.closeDay");
    Span audit = span(spans, "Checkout.audit");
    assertTrue(audit.getParentSpanId().isEmpty(), "called inside closeDay, yet a root span");
    assertNotEquals(traceId(closeDay), traceId(audit));
  }

  @Test
  void theOlderExtensionAnnotationsWorkToo() {
    assertEquals(7L, checkout.legacy(7L));
    Span legacy = span(AgentSpans.awaitSpans(1, WAIT), "legacy audit");
    assertEquals(7L, attribute(legacy, "audit.id"));
  }

  @Test
  void aMethodBothConfiguredAndAnnotatedIsOneSpanAndAnExcludedOneNone() {
    checkout.configured();
    checkout.excluded();
    checkout.plain(new int[] {1}, new String[0][]);
    List<Span> spans = AgentSpans.awaitSpans(1, WAIT);
    assertEquals(List.of("Checkout.configured"), AgentSpans.names(spans));
    assertFalse(AgentSpans.names(AgentSpans.drain()).contains("Checkout.excluded"));
  }
}
