package dev.clew.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span counts an agent JVM logs at shutdown ({@code spans started=.. ended=.. exported=.. dropped=..
 * failed=..}; always with {@code clew.debug=true}, else only when something was lost).
 */
public record ExportCounts(long started, long ended, long exported, long dropped, long failed) {
  private static final Pattern LINE = Pattern.compile(
      "spans started=(\\d+) ended=(\\d+) exported=(\\d+) dropped=(\\d+) failed=(\\d+)");

  /** The counts of a finished run; fails the test when the run logged none. */
  public static ExportCounts of(AgentJvm.Result run) {
    Matcher m = LINE.matcher(run.stderr());
    if (!m.find()) {
      throw new AssertionError("no span counts at shutdown:\n" + run);
    }
    return new ExportCounts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
  }

  /** As an array in the order of the log line, for tests that index it. */
  public long[] toArray() {
    return new long[] {started, ended, exported, dropped, failed};
  }
}
