package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/** One of clew's spans as the API's {@link Span}: every call goes to clew's span. */
final class BridgedSpan implements Span {
  final dev.clew.core.trace.Span clew;
  private volatile SpanContext spanContext; // converted on first use

  BridgedSpan(dev.clew.core.trace.Span clew) {
    this.clew = clew;
  }

  @Override
  public Span setAttribute(String key, String value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, long value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, double value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public Span setAttribute(String key, boolean value) {
    clew.setAttribute(key, value);
    return this;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      clew.setAttribute(key.getKey(), ApiAttributes.value(key, value));
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    clew.addEvent(name, ApiAttributes.toClew(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    clew.addEvent(name, ApiAttributes.toClew(attributes), unit == null ? 0 : unit.toNanos(timestamp));
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    if (code != null) {
      clew.setStatus(dev.clew.core.trace.StatusCode.valueOf(code.name()), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additional) {
    clew.recordException(exception, ApiAttributes.toClew(additional));
    return this;
  }

  @Override
  public Span updateName(String name) {
    clew.updateName(name);
    return this;
  }

  /** API 1.37 and later; on older APIs nothing calls it. */
  @Override
  public Span addLink(SpanContext context) {
    return addLink(context, null);
  }

  /** API 1.37 and later; on older APIs nothing calls it. */
  @Override
  public Span addLink(SpanContext context, Attributes attributes) {
    clew.addLink(SpanContexts.toClew(context), ApiAttributes.toClew(attributes));
    return this;
  }

  @Override
  public void end() {
    clew.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    if (unit == null) {
      clew.end();
    } else {
      clew.end(unit.toNanos(timestamp));
    }
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext c = spanContext;
    if (c == null) {
      spanContext = c = SpanContexts.toApplication(clew.spanContext());
    }
    return c;
  }

  @Override
  public boolean isRecording() {
    return clew.isRecording();
  }

  @Override
  public String toString() {
    return "Span{clew " + clew + "}";
  }
}
