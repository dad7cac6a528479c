package dev.clew.instrumentation.otelapi;

import static dev.clew.testing.AgentSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clew.testing.AgentSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API methods added after 1.20 ({@code Span.addLink} 1.37, {@code getOrNoop}): they reach clew too. Run on the
 * newest API only (the pom excludes this class from the oldest API's run). */
class NewerApiTest {
  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors());
  }

  @Test
  void linksAddedAfterStartArrive() {
    SpanContext other = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), TraceState.getDefault());
    Span s = GlobalOpenTelemetry.getTracer("shop").spanBuilder("late links").startSpan();
    s.addLink(other, Attributes.of(AttributeKey.stringKey("why"), "fan-in"));
    s.end();

    io.opentelemetry.proto.trace.v1.Span e = span(AgentSpans.awaitSpans(1, Duration.ofSeconds(10)), "late links");
    assertEquals(1, e.getLinksCount());
    assertEquals("b7ad6b7169203331", AgentSpans.hex(e.getLinks(0).getSpanId()));
    assertEquals("fan-in", AgentSpans.attributes(e.getLinks(0).getAttributesList()).get("why"));
  }

  @Test
  void getOrNoopAnswersClewToo() {
    assertSame(GlobalOpenTelemetry.get(), GlobalOpenTelemetry.getOrNoop());
  }
}
