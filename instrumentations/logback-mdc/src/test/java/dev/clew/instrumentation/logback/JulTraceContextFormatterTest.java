package dev.clew.instrumentation.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.clew.bootstrap.logging.TraceContextFormatter;
import dev.clew.testing.TracedCode;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The java.util.logging formatter users name in logging.properties: found by the system class loader
 * (the agent jar is on the bootstrap path), ids inside spans, empty outside.
 */
class JulTraceContextFormatterTest {
  private static final String FORMAT = "%4$s %5$s trace_id=%7$s span_id=%8$s trace_flags=%9$s";

  @Test
  void formatsTheCurrentIds() throws Exception {
    Class<?> byName = ClassLoader.getSystemClassLoader().loadClass("dev.clew.bootstrap.logging.TraceContextFormatter");
    assertEquals(null, byName.getClassLoader(), "the formatter must come from the bootstrap class path");

    TraceContextFormatter formatter = new TraceContextFormatter(FORMAT);
    LogRecord record = new LogRecord(Level.INFO, "hello {0}");
    record.setParameters(new Object[] {"world"});
    assertEquals("INFO hello world trace_id= span_id= trace_flags=", formatter.format(record));

    String[] seen = TracedCode.call(() -> new String[] {formatter.format(record), TracedCode.traceId(), TracedCode.spanId()});
    assertNotNull(seen[1], "method tracing of TracedCode is not active");
    assertEquals("INFO hello world trace_id=" + seen[1] + " span_id=" + seen[2] + " trace_flags=01", seen[0]);
  }
}
