package dev.clew.core.export;

import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.InstrumentationScope;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.SpanLink;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TraceState;
import java.util.ArrayList;
import java.util.List;

/** A finished span with every field chosen by the test, for encoder fixtures. */
public final class TestSpan implements SpanData {
  public SpanContext context = SpanContext.create(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
      SpanContext.FLAG_SAMPLED, TraceState.EMPTY);
  public SpanContext parent = SpanContext.INVALID;
  public String name = "get /users/{id}";
  public SpanKind kind = SpanKind.INTERNAL;
  public long start = 1_700_000_000_123_456_789L;
  public long end = 1_700_000_000_173_456_999L;
  public Attributes attributes = Attributes.unlimited();
  public List<SpanEvent> events = new ArrayList<>();
  public List<SpanLink> links = new ArrayList<>();
  public StatusCode status = StatusCode.UNSET;
  public String statusDescription;
  public Resource resource = new Resource(Attributes.of("service.name", "frontend"));
  public InstrumentationScope scope = new InstrumentationScope("clew.test", "1.0");
  public int droppedEvents;

  @Override
  public SpanContext spanContext() {
    return context;
  }

  @Override
  public SpanContext parentSpanContext() {
    return parent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public long startEpochNanos() {
    return start;
  }

  @Override
  public long endEpochNanos() {
    return end;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public List<SpanEvent> events() {
    return events;
  }

  @Override
  public List<SpanLink> links() {
    return links;
  }

  @Override
  public StatusCode statusCode() {
    return status;
  }

  @Override
  public String statusDescription() {
    return statusDescription;
  }

  @Override
  public Resource resource() {
    return resource;
  }

  @Override
  public InstrumentationScope scope() {
    return scope;
  }

  @Override
  public int droppedEvents() {
    return droppedEvents;
  }

  @Override
  public int droppedLinks() {
    return 0;
  }
}
