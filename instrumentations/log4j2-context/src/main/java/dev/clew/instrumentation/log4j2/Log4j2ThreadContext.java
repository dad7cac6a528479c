package dev.clew.instrumentation.log4j2;

import dev.clew.core.instrument.logging.LoggingContextListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.ThreadContext;

/** Writes the current span's ids into Log4j's ThreadContext (one listener per Log4j API class loader). */
final class Log4j2ThreadContext extends LoggingContextListener {
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();

  private Log4j2ThreadContext() {}

  static void follow() {
    if (REGISTERED.compareAndSet(false, true)) {
      new Log4j2ThreadContext().register();
    }
  }

  @Override
  protected void put(String key, String value) {
    ThreadContext.put(key, value);
  }

  @Override
  protected void remove(String key) {
    ThreadContext.remove(key);
  }
}
