package dev.clew.instrumentation.logback;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.clew.core.instrument.logging.LoggingContextListener;

/** Writes the current span's ids into one Logback MDC adapter. */
final class LogbackMdc extends LoggingContextListener {
  private final LogbackMDCAdapter adapter;

  private LogbackMdc(LogbackMDCAdapter adapter) {
    this.adapter = adapter;
  }

  static void follow(LogbackMDCAdapter adapter) {
    new LogbackMdc(adapter).register();
  }

  @Override
  protected void put(String key, String value) {
    adapter.put(key, value);
  }

  @Override
  protected void remove(String key) {
    adapter.remove(key);
  }
}
