package dev.clew.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes traces as one self-contained HTML page (inline CSS and script, no network): a collapsible
 * waterfall per trace; a click on a span shows all its attributes and events. The markup is also
 * well-formed XML, so it can be checked by a strict parser.
 */
final class HtmlWaterfall {
  private static final String CSS = String.join("\n",
      "body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}",
      "h1{font-size:1.3em;margin:0 0 .2em}.summary{color:#666;margin:0 0 1em}",
      "section.trace{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0 0 1em;padding:.3em .6em}",
      "summary{cursor:pointer;font-weight:600;padding:.2em 0}summary .meta{font-weight:400;color:#666}",
      "summary.err{color:#b00}",
      ".row{display:grid;grid-template-columns:1.2em minmax(16em,2fr) 9em 6.5em 6.5em minmax(12em,3fr) minmax(10em,2fr);",
      "gap:.5em;align-items:center;padding:1px 0;cursor:pointer;border-radius:3px}",
      ".row:hover{background:#eef3ff}.row.err{color:#b00}.mark{font-weight:700;text-align:center}",
      ".tog{display:inline-block;width:1em;color:#888}.name{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
      ".svc,.kind{color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.dur{text-align:right;font-variant-numeric:tabular-nums}",
      ".bar{position:relative;height:.9em;background:#f0f0f0;border-radius:2px}",
      ".fill{position:absolute;top:0;bottom:0;min-width:2px;background:#4a7fd4;border-radius:2px}",
      ".err .fill{background:#d33}.skew .fill{background:repeating-linear-gradient(45deg,#4a7fd4,#4a7fd4 3px,#9bb8e8 3px,#9bb8e8 6px)}",
      ".attrs{color:#666;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.err .attrs{color:#b00}",
      ".details{margin:.2em 0 .5em 2em;padding:.4em .6em;background:#f6f8fa;border-left:3px solid #4a7fd4}",
      ".details table{border-collapse:collapse}.details td{padding:1px .8em 1px 0;vertical-align:top;font-family:monospace;white-space:pre-wrap}",
      ".details td.k{color:#555}.note{color:#a60}.collapsed{display:none}",
      ".legend{color:#666;margin-top:1em}");
  private static final String SCRIPT = String.join("\n",
      "document.addEventListener('click', function (e) {",
      "  var tog = e.target.closest('.tog');",
      "  var row = e.target.closest('.row');",
      "  if (!row) { return; }",
      "  var node = row.parentNode;",
      "  if (tog) {",
      "    var kids = node.querySelector(':scope > .children');",
      "    if (kids) { kids.classList.toggle('collapsed'); tog.textContent = kids.classList.contains('collapsed') ? '\\u25b8' : '\\u25be'; }",
      "    return;",
      "  }",
      "  var d = node.querySelector(':scope > .details');",
      "  if (d) { d.hidden = !d.hidden; }",
      "});");

  private final Writer out;

  HtmlWaterfall(Writer out) {
    this.out = out;
  }

  void render(List<Trace> traces, String source, int spans, int brokenLines) throws IOException {
    w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>clew traces - ");
    text(source);
    w("</title>\n<style>\n").w(CSS).w("\n</style></head>\n<body>\n<h1>clew traces</h1>\n<p class=\"summary\">");
    text(spans + (spans == 1 ? " span in " : " spans in ") + traces.size()
        + (traces.size() == 1 ? " trace" : " traces") + " from " + source
        + (brokenLines > 0 ? "; " + brokenLines + " unreadable lines skipped" : "")
        + ". Click a span for its details, the triangle to fold its children.");
    w("</p>\n");
    for (Trace t : traces) {
      trace(t);
    }
    w("<p class=\"legend\">! error &#160; ? parent not in the file (root of a fragment) &#160; "
        + "~ starts before its parent (clock skew between hosts), bar clamped to the parent's start</p>\n");
    w("<script>//<![CDATA[\n").w(SCRIPT).w("\n//]]></script>\n</body></html>\n");
    out.flush();
  }

  private void trace(Trace t) throws IOException {
    int errors = t.errorCount();
    w("<section class=\"trace\" id=\"trace-").text(t.traceId).w("\">\n<details open=\"open\"><summary")
        .w(errors > 0 ? " class=\"err\">" : ">");
    text(t.title());
    w(" <span class=\"meta\">");
    text("trace " + t.traceId + " - " + t.rows.size() + (t.rows.size() == 1 ? " span" : " spans") + ", "
        + String.join(", ", t.services()) + ", " + TextWaterfall.duration(t.durationNanos())
        + (errors > 0 ? ", " + errors + (errors == 1 ? " error" : " errors") : ""));
    w("</span></summary>\n");
    // rows are in tree order; close a node's element once the next row is not deeper
    int open = 0;
    int[] depthStack = new int[t.rows.size() + 1];
    for (Trace.Row r : t.rows) {
      while (open > 0 && depthStack[open - 1] >= r.depth) {
        w("</div></div>\n");
        open--;
      }
      node(t, r);
      depthStack[open++] = r.depth;
    }
    while (open > 0) {
      w("</div></div>\n");
      open--;
    }
    w("</details></section>\n");
  }

  /** Opens the node element and its children container; the caller closes both. */
  private void node(Trace t, Trace.Row r) throws IOException {
    FileSpan s = r.span;
    String cls = "row" + (s.isError() ? " err" : "") + (r.skewNanos > 0 ? " skew" : "");
    w("<div class=\"node\" data-span-id=\"").text(s.spanId).w("\"><div class=\"").w(cls).w("\" title=\"");
    text(s.name + " (" + s.service + ")");
    w("\"><span class=\"mark\">").w(s.isError() ? "!" : "").w(r.missingParent ? "?" : r.skewNanos > 0 ? "~" : "")
        .w("</span><span class=\"name\" style=\"padding-left:").w(String.valueOf(r.depth * 1.2)).w("em\">")
        .w("<span class=\"tog\">").w(r.children.isEmpty() ? "" : "\u25be").w("</span>");
    text(s.name);
    w("</span><span class=\"svc\">").text(s.service).w("</span><span class=\"kind\">").text(s.kind)
        .w("</span><span class=\"dur\">").text(TextWaterfall.duration(s.durationNanos()))
        .w("</span><span class=\"bar\"><span class=\"fill\" style=\"left:");
    long window = t.durationNanos();
    double left = window <= 0 ? 0 : 100.0 * (r.barStart - t.windowStart) / window;
    double width = window <= 0 ? 100 : 100.0 * (r.barEnd - r.barStart) / window;
    w(String.format(Locale.ROOT, "%.2f%%;width:%.2f%%", left, width)).w("\"></span></span><span class=\"attrs\">");
    text((s.isError() ? "ERROR  " : "") + String.join("  ", KeyAttributes.of(s)));
    w("</span></div>\n<div class=\"details\" hidden=\"hidden\"><table>\n");
    detail("span id", s.spanId);
    detail("parent id", s.parentSpanId.isEmpty() ? "(root)" : s.parentSpanId + (r.missingParent ? " (not in the file)" : ""));
    detail("service", s.service);
    detail("kind", s.kind);
    detail("status", s.status + (s.statusMessage.isEmpty() ? "" : ": " + s.statusMessage));
    detail("start offset", TextWaterfall.duration(s.startNanos - t.windowStart));
    detail("duration", TextWaterfall.duration(s.durationNanos()));
    if (!s.scope.isEmpty()) {
      detail("scope", s.scope);
    }
    if (r.skewNanos > 0) {
      detail("clock skew", "starts " + TextWaterfall.duration(r.skewNanos) + " before its parent; bar clamped");
    }
    for (Map.Entry<String, String> a : s.attributes.entrySet()) {
      detail(a.getKey(), a.getValue());
    }
    for (FileSpan.Event e : s.events) {
      StringBuilder v = new StringBuilder();
      v.append("at ").append(TextWaterfall.duration(e.timeNanos - s.startNanos));
      for (Map.Entry<String, String> a : e.attributes.entrySet()) {
        v.append('\n').append(a.getKey()).append(" = ").append(a.getValue());
      }
      detail("event " + e.name, v.toString());
    }
    w("</table></div>\n<div class=\"children\">\n");
  }

  private void detail(String key, String value) throws IOException {
    w("<tr><td class=\"k\">").text(key).w("</td><td>").text(value).w("</td></tr>\n");
  }

  private HtmlWaterfall w(String s) throws IOException {
    out.write(s);
    return this;
  }

  /** Text and attribute values escaped; characters XML forbids are dropped. */
  private HtmlWaterfall text(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          out.write("&lt;");
          break;
        case '>':
          out.write("&gt;");
          break;
        case '&':
          out.write("&amp;");
          break;
        case '"':
          out.write("&quot;");
          break;
        case '\'':
          out.write("&#39;");
          break;
        default:
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            out.write('\uFFFD');
          } else if (Character.isSurrogate(c)) {
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
              out.write(c);
              out.write(s.charAt(++i));
            } else {
              out.write('\uFFFD');
            }
          } else {
            out.write(c);
          }
      }
    }
    return this;
  }
}
