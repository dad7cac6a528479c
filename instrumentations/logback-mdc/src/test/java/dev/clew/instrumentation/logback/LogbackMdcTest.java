package dev.clew.instrumentation.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.clew.bootstrap.AdviceErrors;
import dev.clew.testing.TracedCode;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** A Logback application logging inside and outside spans (spans from method tracing of {@link TracedCode}). */
class LogbackMdcTest {
  private final Logger log = (Logger) LoggerFactory.getLogger("app");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    log.addAppender(appender);
  }

  @AfterEach
  void detach() {
    log.detachAppender(appender);
    assertEquals(0, AdviceErrors.count());
  }

  private Map<String, String> mdcOf(int event) {
    return appender.list.get(event).getMDCPropertyMap();
  }

  @Test
  void idsInsideSpansAndNoneOutside() throws Exception {
    log.info("before");
    String[] ids = TracedCode.call(() -> {
      log.info("inside");
      String outer = TracedCode.spanId();
      TracedCode.run(() -> log.info("nested"));
      log.info("inside again");
      return new String[] {TracedCode.traceId(), outer};
    });
    log.info("after");

    assertNotNull(ids[0], "method tracing of TracedCode is not active");
    assertFalse(mdcOf(0).containsKey("trace_id"));
    assertEquals(ids[0], mdcOf(1).get("trace_id"));
    assertEquals(ids[1], mdcOf(1).get("span_id"));
    assertEquals("01", mdcOf(1).get("trace_flags"));
    assertEquals(ids[0], mdcOf(2).get("trace_id"), "a child span shares the trace");
    assertFalse(ids[1].equals(mdcOf(2).get("span_id")), "the nested span has its own id");
    assertEquals(ids[1], mdcOf(3).get("span_id"), "the outer span's ids are back after the nested scope");
    assertFalse(mdcOf(4).containsKey("trace_id"));
    assertFalse(mdcOf(4).containsKey("span_id"));
    assertFalse(mdcOf(4).containsKey("trace_flags"));
  }

  @Test
  void applicationMdcEntriesStay() throws Exception {
    MDC.put("user", "alice");
    try {
      TracedCode.run(() -> log.info("inside"));
      log.info("after");
      assertEquals("alice", mdcOf(0).get("user"));
      assertNotNull(mdcOf(0).get("trace_id"));
      assertEquals("alice", mdcOf(1).get("user"));
      assertFalse(mdcOf(1).containsKey("trace_id"));
    } finally {
      MDC.remove("user");
    }
  }

  @Test
  void pooledThreadKeepsNothingAfterItsSpan() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      one.submit(() -> TracedCode.run(() -> log.info("in a span on the pool thread"))).get();
      one.submit(() -> log.info("next task on the same thread")).get();
      assertNotNull(mdcOf(0).get("trace_id"));
      assertFalse(mdcOf(1).containsKey("trace_id"));
      assertFalse(mdcOf(1).containsKey("span_id"));
    } finally {
      one.shutdownNow();
    }
  }
}
