package dev.clew.core.trace;

import dev.clew.core.config.Config;

/** Per-span limits, configured with the OpenTelemetry SDK keys. */
public final class SpanLimits {
  public final int maxAttributes;
  public final int maxAttributeValueLength;
  public final int maxEvents;
  public final int maxLinks;
  public final int maxAttributesPerEvent;
  public final int maxAttributesPerLink;

  public SpanLimits(int maxAttributes, int maxAttributeValueLength, int maxEvents, int maxLinks,
      int maxAttributesPerEvent, int maxAttributesPerLink) {
    this.maxAttributes = maxAttributes;
    this.maxAttributeValueLength = maxAttributeValueLength;
    this.maxEvents = maxEvents;
    this.maxLinks = maxLinks;
    this.maxAttributesPerEvent = maxAttributesPerEvent;
    this.maxAttributesPerLink = maxAttributesPerLink;
  }

  public static SpanLimits defaults() {
    return new SpanLimits(128, Integer.MAX_VALUE, 128, 128, 128, 128);
  }

  public static SpanLimits from(Config config) {
    // the span keys win over the general ones; 0 is a valid limit (nothing kept), a negative one is not
    int attrs = config.getNonNegativeInt("otel.span.attribute.count.limit",
        config.getNonNegativeInt("otel.attribute.count.limit", 128));
    int length = config.getNonNegativeInt("otel.span.attribute.value.length.limit",
        config.getNonNegativeInt("otel.attribute.value.length.limit", Integer.MAX_VALUE));
    return new SpanLimits(attrs, length,
        config.getNonNegativeInt("otel.span.event.count.limit", 128),
        config.getNonNegativeInt("otel.span.link.count.limit", 128),
        config.getNonNegativeInt("otel.event.attribute.count.limit", 128),
        config.getNonNegativeInt("otel.link.attribute.count.limit", 128));
  }
}
