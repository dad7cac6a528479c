package dev.clew.instrumentation.kafka;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;

/** The module's configuration, read once from the agent's configuration. */
final class KafkaSettings {
  /** Opt-in: the record key as {@code messaging.kafka.message.key} (keys may hold personal data). */
  static final boolean CAPTURE_MESSAGE_KEY;
  /**
   * Parent of a process span: {@code producer} (default: the record's producer span, so the consumer joins
   * the producer's trace; linked to the poll span) or {@code poll} (the poll span; linked to the producer).
   */
  static final boolean PARENT_IS_POLL;

  static {
    Config config = Config.global();
    CAPTURE_MESSAGE_KEY = config.getBoolean("clew.kafka.message-key.enabled", false);
    String parent = config.getString("clew.kafka.process.parent", "producer");
    if (!"producer".equalsIgnoreCase(parent) && !"poll".equalsIgnoreCase(parent)) {
      AgentLog.warn("clew.kafka.process.parent must be producer or poll, not '" + parent + "'; using producer");
    }
    PARENT_IS_POLL = "poll".equalsIgnoreCase(parent);
  }

  private KafkaSettings() {}
}
