package dev.clew.cli;

import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_MESSAGE;
import static dev.clew.core.semconv.SemanticAttributes.EXCEPTION_TYPE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One span as read back from a span file: what the viewers show, values already as text. */
final class FileSpan {
  String traceId = "";
  String spanId = "";
  String parentSpanId = "";
  String name = "";
  String kind = "INTERNAL";
  long startNanos;
  long endNanos;
  String status = "UNSET";
  String statusMessage = "";
  String service = "unknown_service";
  String scope = "";
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<Event> events = new ArrayList<>();

  /** A span event: name, time and attributes as text. */
  static final class Event {
    String name = "";
    long timeNanos;
    final Map<String, String> attributes = new LinkedHashMap<>();
  }

  boolean isError() {
    return "ERROR".equals(status);
  }

  long durationNanos() {
    return Math.max(0, endNanos - startNanos);
  }

  /** The first exception event as {@code Type: message}, or null. */
  String exception() {
    for (Event e : events) {
      if ("exception".equals(e.name)) {
        String type = e.attributes.get(EXCEPTION_TYPE);
        String msg = e.attributes.get(EXCEPTION_MESSAGE);
        if (type == null) {
          return msg;
        }
        return msg == null || msg.isEmpty() ? type : type + ": " + msg;
      }
    }
    return null;
  }
}
