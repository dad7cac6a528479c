package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** The API's span builder on clew's: parent, kind, links, attributes and start time go to clew's builder. */
final class BridgedSpanBuilder implements SpanBuilder {
  private final dev.clew.core.trace.SpanBuilder clew;

  BridgedSpanBuilder(dev.clew.core.trace.SpanBuilder clew) {
    this.clew = clew;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      clew.setParent(ContextBridge.toClew(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    clew.setNoParent();
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext context) {
    clew.addLink(SpanContexts.toClew(context));
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext context, Attributes attributes) {
    clew.addLink(SpanContexts.toClew(context), ApiAttributes.toClew(attributes));
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    clew.setAttribute(key, (Object) value);
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      clew.setAttribute(key.getKey(), ApiAttributes.value(key, value));
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind kind) {
    if (kind != null) {
      clew.setSpanKind(dev.clew.core.trace.SpanKind.valueOf(kind.name()));
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long timestamp, TimeUnit unit) {
    if (unit != null && timestamp > 0) {
      clew.setStartTimestamp(unit.toNanos(timestamp));
    }
    return this;
  }

  @Override
  public Span startSpan() {
    return new BridgedSpan(clew.startSpan());
  }
}
