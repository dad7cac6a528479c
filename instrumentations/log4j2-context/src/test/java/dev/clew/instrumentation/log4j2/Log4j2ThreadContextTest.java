package dev.clew.instrumentation.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.testing.TracedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Log4j 2 application logging inside and outside spans (spans from method tracing of {@link TracedCode}). */
class Log4j2ThreadContextTest {
  /** Keeps each event's context data, as the layouts would see it. */
  static final class Captured extends AbstractAppender {
    final List<Map<String, String>> contextData = new ArrayList<>();

    Captured() {
      super("captured", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public synchronized void append(LogEvent event) {
      contextData.add(event.getContextData().toMap());
    }
  }

  private static final Captured CAPTURED = new Captured();
  private static final Logger LOG = LogManager.getLogger("app");

  @BeforeAll
  static void configure() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    CAPTURED.start();
    config.addAppender(CAPTURED);
    config.getRootLogger().addAppender(CAPTURED, Level.ALL, null);
    config.getRootLogger().setLevel(Level.INFO);
    ctx.updateLoggers();
  }

  @AfterAll
  static void noAdviceErrors() {
    assertEquals(0, AdviceErrors.count());
  }

  @BeforeEach
  void clear() {
    synchronized (CAPTURED) {
      CAPTURED.contextData.clear();
    }
  }

  private static Map<String, String> event(int i) {
    synchronized (CAPTURED) {
      return CAPTURED.contextData.get(i);
    }
  }

  @Test
  void idsInsideSpansAndNoneOutside() throws Exception {
    LOG.info("before");
    String[] ids = TracedCode.call(() -> {
      LOG.info("inside");
      TracedCode.run(() -> LOG.info("nested"));
      LOG.info("inside again");
      return new String[] {TracedCode.traceId(), TracedCode.spanId()};
    });
    LOG.info("after");

    assertNotNull(ids[0], "method tracing of TracedCode is not active");
    assertFalse(event(0).containsKey("trace_id"));
    assertEquals(ids[0], event(1).get("trace_id"));
    assertEquals(ids[1], event(1).get("span_id"));
    assertEquals("01", event(1).get("trace_flags"));
    assertEquals(ids[0], event(2).get("trace_id"));
    assertFalse(ids[1].equals(event(2).get("span_id")), "the nested span has its own id");
    assertEquals(ids[1], event(3).get("span_id"), "the outer span's ids are back after the nested scope");
    assertFalse(event(4).containsKey("trace_id"));
    assertFalse(event(4).containsKey("span_id"));
    assertFalse(event(4).containsKey("trace_flags"));
  }

  @Test
  void applicationEntriesStayAndPooledThreadsKeepNothing() throws Exception {
    ThreadContext.put("user", "alice");
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      TracedCode.run(() -> LOG.info("inside"));
      one.submit(() -> TracedCode.run(() -> LOG.info("in a span on the pool thread"))).get();
      one.submit(() -> LOG.info("next task on the same thread")).get();
      assertEquals("alice", event(0).get("user"));
      assertNotNull(event(0).get("trace_id"));
      assertNotNull(event(1).get("trace_id"));
      assertFalse(event(2).containsKey("trace_id"));
      assertFalse(event(2).containsKey("span_id"));
    } finally {
      ThreadContext.remove("user");
      one.shutdownNow();
    }
  }
}
