package dev.clew.cli;

import static dev.clew.core.semconv.SemanticAttributes.SERVICE_NAME;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads span files written by the {@code file} exporter: each line an OTLP/JSON
 * {@code ExportTraceServiceRequest}. A line that is not valid JSON of that shape (a torn last line after a
 * crash, garbage) is counted and skipped; the other lines still count. Unknown fields are ignored, as
 * OTLP/JSON requires. Streaming on jackson-core only: no data binding in the agent.
 */
final class SpanFileReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
  private static final String[] STATUSES = {"UNSET", "OK", "ERROR"};

  final List<FileSpan> spans = new ArrayList<>();
  int brokenLines;
  int lines;

  void read(Path file) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      read(r);
    }
  }

  void read(Reader reader) throws IOException {
    BufferedReader r = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    String line;
    while ((line = r.readLine()) != null) {
      if (line.trim().isEmpty()) {
        continue;
      }
      lines++;
      List<FileSpan> parsed = new ArrayList<>();
      try (JsonParser p = FACTORY.createParser(line)) {
        readRequest(p, parsed);
        if (p.nextToken() != null) {
          throw new IOException("trailing content");
        }
        spans.addAll(parsed);
      } catch (IOException | RuntimeException e) {
        brokenLines++;
      }
    }
  }

  private static void expect(JsonParser p, JsonToken t) throws IOException {
    if (p.currentToken() != t) {
      throw new IOException("expected " + t + " at " + p.currentLocation());
    }
  }

  private static void readRequest(JsonParser p, List<FileSpan> out) throws IOException {
    p.nextToken();
    expect(p, JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if ("resourceSpans".equals(f) || "resource_spans".equals(f)) {
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          readResourceSpans(p, out);
        }
      } else {
        p.skipChildren();
      }
    }
    expect(p, JsonToken.END_OBJECT);
  }

  private static void readResourceSpans(JsonParser p, List<FileSpan> out) throws IOException {
    String service = "unknown_service";
    int first = out.size();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if ("resource".equals(f)) {
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String rf = p.currentName();
          p.nextToken();
          if ("attributes".equals(rf)) {
            Map<String, String> attrs = new java.util.LinkedHashMap<>();
            readAttributes(p, attrs);
            String s = attrs.get(SERVICE_NAME);
            if (s != null) {
              service = s;
            }
          } else {
            p.skipChildren();
          }
        }
      } else if ("scopeSpans".equals(f) || "scope_spans".equals(f)) {
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          readScopeSpans(p, out);
        }
      } else {
        p.skipChildren();
      }
    }
    expect(p, JsonToken.END_OBJECT);
    for (int i = first; i < out.size(); i++) {
      out.get(i).service = service;
    }
  }

  private static void readScopeSpans(JsonParser p, List<FileSpan> out) throws IOException {
    String scope = "";
    int first = out.size();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if ("scope".equals(f)) {
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String sf = p.currentName();
          p.nextToken();
          if ("name".equals(sf)) {
            scope = text(p);
          } else {
            p.skipChildren();
          }
        }
      } else if ("spans".equals(f)) {
        expect(p, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          out.add(readSpan(p));
        }
      } else {
        p.skipChildren();
      }
    }
    expect(p, JsonToken.END_OBJECT);
    for (int i = first; i < out.size(); i++) {
      out.get(i).scope = scope;
    }
  }

  private static FileSpan readSpan(JsonParser p) throws IOException {
    FileSpan s = new FileSpan();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "traceId":
          s.traceId = text(p).toLowerCase(java.util.Locale.ROOT);
          break;
        case "spanId":
          s.spanId = text(p).toLowerCase(java.util.Locale.ROOT);
          break;
        case "parentSpanId":
          s.parentSpanId = text(p).toLowerCase(java.util.Locale.ROOT);
          break;
        case "name":
          s.name = text(p);
          break;
        case "kind":
          s.kind = enumName(p, KINDS, "SPAN_KIND_");
          break;
        case "startTimeUnixNano":
          s.startNanos = nanos(p);
          break;
        case "endTimeUnixNano":
          s.endNanos = nanos(p);
          break;
        case "attributes":
          readAttributes(p, s.attributes);
          break;
        case "events":
          expect(p, JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            s.events.add(readEvent(p));
          }
          break;
        case "status":
          expect(p, JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sf = p.currentName();
            p.nextToken();
            if ("code".equals(sf)) {
              s.status = enumName(p, STATUSES, "STATUS_CODE_");
            } else if ("message".equals(sf)) {
              s.statusMessage = text(p);
            } else {
              p.skipChildren();
            }
          }
          break;
        default:
          p.skipChildren();
      }
    }
    expect(p, JsonToken.END_OBJECT);
    if (s.traceId.isEmpty() || s.spanId.isEmpty()) {
      throw new IOException("span without traceId or spanId");
    }
    return s;
  }

  private static FileSpan.Event readEvent(JsonParser p) throws IOException {
    FileSpan.Event e = new FileSpan.Event();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if ("name".equals(f)) {
        e.name = text(p);
      } else if ("timeUnixNano".equals(f)) {
        e.timeNanos = nanos(p);
      } else if ("attributes".equals(f)) {
        readAttributes(p, e.attributes);
      } else {
        p.skipChildren();
      }
    }
    expect(p, JsonToken.END_OBJECT);
    return e;
  }

  /** {@code [{"key":..,"value":{..}}]} into text values. */
  private static void readAttributes(JsonParser p, Map<String, String> into) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String key = null;
      String value = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        if ("key".equals(f)) {
          key = text(p);
        } else if ("value".equals(f)) {
          value = anyValue(p);
        } else {
          p.skipChildren();
        }
      }
      expect(p, JsonToken.END_OBJECT);
      if (key != null) {
        into.put(key, value);
      }
    }
    expect(p, JsonToken.END_ARRAY);
  }

  /** An OTLP {@code AnyValue} object as text; arrays as {@code [a, b]}, key-value lists as {@code {k=v}}. */
  private static String anyValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return "";
    }
    String result = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if ("arrayValue".equals(f)) {
        StringBuilder sb = new StringBuilder("[");
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String af = p.currentName();
          p.nextToken();
          if ("values".equals(af)) {
            expect(p, JsonToken.START_ARRAY);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (sb.length() > 1) {
                sb.append(", ");
              }
              sb.append(anyValue(p));
            }
          } else {
            p.skipChildren();
          }
        }
        result = sb.append(']').toString();
      } else if ("kvlistValue".equals(f)) {
        Map<String, String> kv = new java.util.LinkedHashMap<>();
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String kf = p.currentName();
          p.nextToken();
          if ("values".equals(kf)) {
            readAttributes(p, kv);
          } else {
            p.skipChildren();
          }
        }
        result = kv.toString();
      } else if (p.currentToken().isScalarValue()) {
        result = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return result;
  }

  private static String text(JsonParser p) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw new IOException("expected a value at " + p.currentLocation());
    }
    return p.getText();
  }

  /** Nanoseconds: OTLP/JSON writes 64-bit integers as strings, but numbers are accepted too. */
  private static long nanos(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    try {
      return Long.parseLong(text(p).trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad time " + p.getText());
    }
  }

  /** An enum given as its number (OTLP/JSON) or, tolerated, its name. */
  private static String enumName(JsonParser p, String[] names, String prefix) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      int i = p.getIntValue();
      return i >= 0 && i < names.length ? names[i] : String.valueOf(i);
    }
    String t = text(p);
    return t.startsWith(prefix) ? t.substring(prefix.length()) : t;
  }
}
