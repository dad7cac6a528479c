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
    int attrs = positive(config, "otel.span.attribute.count.limit", config.getInt("otel.attribute.count.limit", 128));
    int length = positive(config, "otel.span.attribute.value.length.limit",
        config.getInt("otel.attribute.value.length.limit", Integer.MAX_VALUE));
    return new SpanLimits(attrs, length,
        positive(config, "otel.span.event.count.limit", 128),
        positive(config, "otel.span.link.count.limit", 128),
        positive(config, "otel.event.attribute.count.limit", 128),
        positive(config, "otel.link.attribute.count.limit", 128));
  }

  private static int positive(Config config, String key, int def) {
    int v = config.getInt(key, def);
    return v < 0 ? def : v;
  }
}
