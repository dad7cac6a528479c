package dev.clew.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Renders traces as terminal waterfalls: one block per trace, one line per span indented by depth, with
 * service, kind, duration, a bar for start offset and length, status and key attributes. Markers in the
 * left gutter carry the meaning without colour: {@code !} error, {@code ?} parent not in the file,
 * {@code ~} started before its parent (clock skew; bar clamped). Colour (ANSI) only adds emphasis.
 */
final class TextWaterfall {
  private static final String RED = "\u001b[31m";
  private static final String BOLD_RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final int NAME_MAX = 48;
  private static final int SERVICE_MAX = 20;

  private final PrintStream out;
  private final boolean color;
  private final int barWidth;

  TextWaterfall(PrintStream out, boolean color, int barWidth) {
    this.out = out;
    this.color = color;
    this.barWidth = Math.max(8, barWidth);
  }

  void render(List<Trace> traces) {
    boolean markers = false;
    for (Trace t : traces) {
      markers |= render(t);
      out.println();
    }
    if (markers) {
      out.println(paint(DIM, "markers: ! error   ? parent not in the file (root of a fragment)   "
          + "~ starts before its parent (clock skew), bar clamped"));
    }
  }

  /** Returns whether any marker was used. */
  private boolean render(Trace t) {
    int nameWidth = 4;
    int serviceWidth = 7;
    for (Trace.Row r : t.rows) {
      nameWidth = Math.max(nameWidth, Math.min(NAME_MAX, r.depth * 2 + r.span.name.length()));
      serviceWidth = Math.max(serviceWidth, Math.min(SERVICE_MAX, r.span.service.length()));
    }
    int errors = t.errorCount();
    StringBuilder head = new StringBuilder();
    head.append("trace ").append(t.traceId).append("  ").append(t.title())
        .append("  (").append(t.rows.size()).append(t.rows.size() == 1 ? " span, " : " spans, ")
        .append(String.join(", ", t.services())).append(", ").append(duration(t.durationNanos()));
    if (errors > 0) {
      head.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
    }
    head.append(')');
    out.println(paint(errors > 0 ? BOLD_RED : BOLD, head.toString()));

    boolean markers = false;
    StringBuilder notes = new StringBuilder();
    for (Trace.Row r : t.rows) {
      FileSpan s = r.span;
      char structure = r.missingParent ? '?' : r.skewNanos > 0 ? '~' : ' ';
      markers |= s.isError() || structure != ' ';
      StringBuilder line = new StringBuilder(160);
      line.append(s.isError() ? '!' : ' ').append(structure).append(' ');
      String indented = repeat(' ', r.depth * 2) + s.name;
      line.append(pad(KeyAttributes.shorten(indented, nameWidth), nameWidth)).append("  ");
      line.append(pad(KeyAttributes.shorten(s.service, serviceWidth), serviceWidth)).append("  ");
      line.append(pad(s.kind, 8)).append(' ');
      line.append(padLeft(duration(s.durationNanos()), 10)).append("  ");
      String lead = line.toString();
      String bar = bar(t, r);
      String status = s.isError() ? "ERROR" : "OK".equals(s.status) ? "OK" : "";
      String attrs = String.join("  ", KeyAttributes.of(s));
      if (s.isError()) {
        out.println(paint(RED, lead) + paint(RED, bar) + "  " + paint(BOLD_RED, pad(status, 5)) + "  "
            + paint(RED, attrs));
      } else {
        out.println(rtrim(lead + paint(CYAN, bar) + "  " + pad(status, 5) + "  " + paint(DIM, attrs)));
      }
      if (r.missingParent) {
        notes.append("  ? ").append(s.name).append(": parent ").append(s.parentSpanId)
            .append(" is not in the file; shown as the root of a fragment\n");
      }
      if (r.skewNanos > 0) {
        notes.append("  ~ ").append(s.name).append(" (").append(s.service).append("): starts ")
            .append(duration(r.skewNanos)).append(" before its parent, clocks differ between hosts; bar clamped to the parent's start\n");
      }
    }
    if (notes.length() > 0) {
      out.print(paint(YELLOW, notes.toString()));
    }
    return markers;
  }

  private String bar(Trace t, Trace.Row r) {
    char[] cells = new char[barWidth];
    java.util.Arrays.fill(cells, ' ');
    long window = t.durationNanos();
    int from;
    int to;
    if (window <= 0) {
      from = 0;
      to = barWidth;
    } else {
      from = (int) Math.min(barWidth - 1, (r.barStart - t.windowStart) * barWidth / window);
      to = (int) Math.min(barWidth, (r.barEnd - t.windowStart) * barWidth / window);
      to = Math.max(to, from + 1); // a short span is still visible
    }
    for (int i = from; i < to; i++) {
      cells[i] = '#';
    }
    return "|" + new String(cells) + "|";
  }

  static String duration(long nanos) {
    if (nanos < 1_000_000L) {
      return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
    if (nanos < 10_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private String paint(String code, String text) {
    return color && !text.isEmpty() ? code + text + RESET : text;
  }

  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }

  private static String rtrim(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + repeat(' ', width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : repeat(' ', width - s.length()) + s;
  }
}
