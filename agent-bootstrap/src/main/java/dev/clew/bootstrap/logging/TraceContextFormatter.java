package dev.clew.bootstrap.logging;

import dev.clew.bootstrap.CurrentSpanIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} formatter that adds the current trace id, span id and trace flags to
 * each line. It lives on the bootstrap class path (the agent puts its jar there), so an application
 * can name it in {@code logging.properties} without depending on the agent:
 * <pre>
 * java.util.logging.ConsoleHandler.formatter=dev.clew.bootstrap.logging.TraceContextFormatter
 * dev.clew.bootstrap.logging.TraceContextFormatter.format=%1$tF %1$tT %4$s %3$s trace_id=%7$s span_id=%8$s trace_flags=%9$s - %5$s%6$s%n
 * </pre>
 * The arguments are those of {@link java.util.logging.SimpleFormatter} (1 date, 2 source, 3 logger,
 * 4 level, 5 message, 6 thrown) followed by 7 trace id, 8 span id, 9 trace flags; outside a span the
 * ids are empty strings.
 */
public class TraceContextFormatter extends Formatter {
  static final String DEFAULT_FORMAT =
      "%1$tF %1$tT.%1$tL %4$s %3$s trace_id=%7$s span_id=%8$s trace_flags=%9$s - %5$s%6$s%n";

  private final String format;

  public TraceContextFormatter() {
    String configured = LogManager.getLogManager().getProperty(getClass().getName() + ".format");
    this.format = configured == null || configured.trim().isEmpty() ? DEFAULT_FORMAT : configured;
  }

  public TraceContextFormatter(String format) {
    this.format = format;
  }

  @Override
  public String format(LogRecord record) {
    ZonedDateTime when = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(record.getMillis()),
        ZoneId.systemDefault());
    String source = record.getSourceClassName() != null
        ? record.getSourceClassName() + (record.getSourceMethodName() != null ? " " + record.getSourceMethodName() : "")
        : record.getLoggerName();
    String thrown = "";
    if (record.getThrown() != null) {
      StringWriter sw = new StringWriter();
      PrintWriter pw = new PrintWriter(sw);
      pw.println();
      record.getThrown().printStackTrace(pw);
      pw.close();
      thrown = sw.toString();
    }
    String[] ids = CurrentSpanIds.current();
    return String.format(format, when, source, record.getLoggerName(), record.getLevel().getLocalizedName(),
        formatMessage(record), thrown, ids == null ? "" : ids[0], ids == null ? "" : ids[1],
        ids == null ? "" : ids[2]);
  }
}
