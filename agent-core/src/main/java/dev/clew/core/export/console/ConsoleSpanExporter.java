package dev.clew.core.export.console;

import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_STACKTRACE;

import dev.clew.core.export.ExportResult;
import dev.clew.core.export.SpanExporter;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import java.io.PrintStream;
import java.util.Collection;

/**
 * One readable line per finished span on standard output:
 * {@code [clew] span 'GET /orders' SERVER trace=... span=... parent=... 12.345 ms status=ERROR attrs={...} events=[...]}.
 */
public final class ConsoleSpanExporter implements SpanExporter {
  private final PrintStream out;

  public ConsoleSpanExporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    for (SpanData s : spans) {
      out.println(format(s));
    }
    return ExportResult.SUCCESS;
  }

  public static String format(SpanData s) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("[clew] span '").append(s.name()).append("' ").append(s.kind())
        .append(" trace=").append(s.spanContext().traceIdHex())
        .append(" span=").append(s.spanContext().spanIdHex())
        .append(" parent=").append(s.parentSpanContext().isValid() ? s.parentSpanContext().spanIdHex() : "-")
        .append(' ').append(String.format(java.util.Locale.ROOT, "%.3f ms",
            (s.endEpochNanos() - s.startEpochNanos()) / 1_000_000.0))
        .append(" status=").append(s.statusCode());
    if (s.statusDescription() != null) {
      sb.append("(").append(s.statusDescription()).append(")");
    }
    sb.append(" scope=").append(s.scope().name());
    sb.append(" attrs=").append(s.attributes());
    if (!s.events().isEmpty()) {
      sb.append(" events=[");
      boolean first = true;
      for (SpanEvent e : s.events()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(e.name());
        Attributes a = e.attributes();
        if (!a.isEmpty()) {
          sb.append('{');
          for (int i = 0; i < a.size(); i++) {
            if (EXCEPTION_STACKTRACE.equals(a.key(i))) {
              continue; // one line per span: the type and message say enough
            }
            if (sb.charAt(sb.length() - 1) != '{') {
              sb.append(", ");
            }
            sb.append(a.key(i)).append('=').append(Attributes.valueToString(a.value(i)));
          }
          sb.append('}');
        }
      }
      sb.append(']');
    }
    if (!s.links().isEmpty()) {
      sb.append(" links=").append(s.links().size());
    }
    return sb.toString();
  }

  @Override
  public String name() {
    return "console";
  }
}
