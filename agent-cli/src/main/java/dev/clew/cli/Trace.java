package dev.clew.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spans of one trace laid out as a waterfall: rows in tree order (children by start time) with their
 * depth, and a time window. A span whose parent is not in the file starts a fragment (its own root, marked).
 * Clocks of different hosts disagree: a child that starts before its parent is drawn from the parent's
 * start (clamped, and marked) so that the tree still reads left to right.
 */
final class Trace {
  private static final Comparator<Row> BY_START = (a, b) -> Long.compare(a.span.startNanos, b.span.startNanos);

  final String traceId;
  final List<Row> rows = new ArrayList<>();
  long windowStart = Long.MAX_VALUE;
  long windowEnd = Long.MIN_VALUE;

  /** One line of the waterfall. */
  static final class Row {
    final FileSpan span;
    final List<Row> children = new ArrayList<>();
    int depth;
    /** Parent id given but not found in the file. */
    boolean missingParent;
    /** Nanoseconds the span starts before its parent (clock skew), 0 if none. */
    long skewNanos;
    long barStart;
    long barEnd;

    Row(FileSpan span) {
      this.span = span;
    }
  }

  private Trace(String traceId) {
    this.traceId = traceId;
  }

  /** Groups spans by trace, each trace laid out; traces ordered by their first start. Duplicates are dropped. */
  static List<Trace> of(List<FileSpan> spans) {
    Map<String, List<FileSpan>> byTrace = new LinkedHashMap<>();
    for (FileSpan s : spans) {
      byTrace.computeIfAbsent(s.traceId, k -> new ArrayList<>()).add(s);
    }
    List<Trace> traces = new ArrayList<>();
    for (Map.Entry<String, List<FileSpan>> e : byTrace.entrySet()) {
      Trace t = new Trace(e.getKey());
      t.layout(e.getValue());
      traces.add(t);
    }
    traces.sort(Comparator.comparingLong(t -> t.windowStart));
    return traces;
  }

  private void layout(List<FileSpan> spans) {
    Map<String, Row> byId = new LinkedHashMap<>();
    for (FileSpan s : spans) {
      byId.putIfAbsent(s.spanId, new Row(s)); // the same span twice (files overlapping): keep one
    }
    List<Row> roots = new ArrayList<>();
    for (Row r : byId.values()) {
      String parent = r.span.parentSpanId;
      Row p = parent.isEmpty() || parent.equals(r.span.spanId) ? null : byId.get(parent);
      if (p == null) {
        r.missingParent = !parent.isEmpty();
        roots.add(r);
      } else {
        p.children.add(r);
      }
    }
    roots.sort(BY_START);
    Set<Row> placed = Collections.newSetFromMap(new HashMap<>());
    for (Row root : roots) {
      place(root, 0, null, placed);
    }
    // spans in a parent cycle are reachable from no root: show them as fragments rather than lose them
    for (Row r : byId.values()) {
      if (!placed.contains(r)) {
        r.missingParent = true;
        r.children.clear();
        place(r, 0, null, placed);
      }
    }
    for (Row r : rows) {
      windowStart = Math.min(windowStart, r.barStart);
      windowEnd = Math.max(windowEnd, r.barEnd);
    }
  }

  private void place(Row row, int depth, Row parent, Set<Row> placed) {
    if (!placed.add(row)) {
      return;
    }
    row.depth = depth;
    row.barStart = row.span.startNanos;
    if (parent != null && row.barStart < parent.barStart) {
      row.skewNanos = parent.barStart - row.barStart;
      row.barStart = parent.barStart;
    }
    row.barEnd = Math.max(row.barStart, row.span.endNanos);
    rows.add(row);
    row.children.sort(BY_START);
    for (Row c : row.children) {
      place(c, depth + 1, row, placed);
    }
  }

  long durationNanos() {
    return rows.isEmpty() ? 0 : Math.max(0, windowEnd - windowStart);
  }

  /** Services in order of first appearance. */
  Set<String> services() {
    Set<String> s = new LinkedHashSet<>();
    for (Row r : rows) {
      s.add(r.span.service);
    }
    return s;
  }

  int errorCount() {
    int n = 0;
    for (Row r : rows) {
      if (r.span.isError()) {
        n++;
      }
    }
    return n;
  }

  /** The first root's name, as the trace's title. */
  String title() {
    return rows.isEmpty() ? "" : rows.get(0).span.name;
  }
}
