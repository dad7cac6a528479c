package dev.clew.core.export.zipkin;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clew.core.export.ExportBuffer;
import dev.clew.core.export.SpanEncoder;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.StatusCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * Zipkin v2 JSON ({@code POST /api/v2/spans}) as the OpenTelemetry Zipkin mapping describes it: hex ids,
 * microsecond times, kind (none for INTERNAL), the service as local endpoint, the peer as remote endpoint
 * when known, attributes as string tags (arrays as JSON lists), events as annotations, {@code error} on
 * ERROR status, and {@code shared} for a server span that joined a trace begun in another process.
 */
public final class ZipkinSpanEncoder implements SpanEncoder {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public void encode(Collection<SpanData> spans, ExportBuffer out) {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartArray();
      for (SpanData s : spans) {
        writeSpan(g, s);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  private static void writeSpan(JsonGenerator g, SpanData s) throws IOException {
    g.writeStartObject();
    g.writeStringField("traceId", s.spanContext().traceIdHex());
    if (s.parentSpanContext().isValid()) {
      g.writeStringField("parentId", s.parentSpanContext().spanIdHex());
    }
    g.writeStringField("id", s.spanContext().spanIdHex());
    String kind = kind(s.kind());
    if (kind != null) {
      g.writeStringField("kind", kind);
    }
    g.writeStringField("name", s.name());
    long startMicros = s.startEpochNanos() / 1000;
    g.writeNumberField("timestamp", startMicros);
    g.writeNumberField("duration", Math.max(1, s.endEpochNanos() / 1000 - startMicros));
    if (s.kind() == SpanKind.SERVER && s.parentSpanContext().isRemote()) {
      g.writeBooleanField("shared", true);
    }
    g.writeObjectFieldStart("localEndpoint");
    g.writeStringField("serviceName", s.resource().serviceName());
    g.writeEndObject();
    RemoteEndpoint.write(g, s);
    writeAnnotations(g, s.events());
    writeTags(g, s);
    g.writeEndObject();
  }

  private static String kind(SpanKind kind) {
    switch (kind) {
      case SERVER:
        return "SERVER";
      case CLIENT:
        return "CLIENT";
      case PRODUCER:
        return "PRODUCER";
      case CONSUMER:
        return "CONSUMER";
      default:
        return null; // INTERNAL: Zipkin's "local span" has no kind
    }
  }

  /** An event becomes {@code name}, or {@code "name":{attributes as JSON}} when it has attributes. */
  private static void writeAnnotations(JsonGenerator g, List<SpanEvent> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("annotations");
    for (SpanEvent e : events) {
      g.writeStartObject();
      g.writeNumberField("timestamp", e.epochNanos() / 1000);
      g.writeStringField("value", e.attributes().isEmpty() ? e.name() : annotationValue(e));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String annotationValue(SpanEvent e) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator a = JSON.createGenerator(w)) {
      a.writeStartObject();
      a.writeFieldName(e.name());
      a.writeStartObject();
      Attributes attrs = e.attributes();
      for (int i = 0; i < attrs.size(); i++) {
        a.writeFieldName(attrs.key(i));
        writeJsonValue(a, attrs.value(i));
      }
      a.writeEndObject();
      a.writeEndObject();
    }
    String s = w.toString();
    return s.substring(1, s.length() - 1); // "name":{...} without the outer braces
  }

  private static void writeTags(JsonGenerator g, SpanData s) throws IOException {
    g.writeObjectFieldStart("tags");
    Attributes a = s.attributes();
    for (int i = 0; i < a.size(); i++) {
      g.writeStringField(a.key(i), tagValue(a.value(i)));
    }
    if (s.scope().name() != null) {
      g.writeStringField("otel.scope.name", s.scope().name());
      if (s.scope().version() != null) {
        g.writeStringField("otel.scope.version", s.scope().version());
      }
    }
    if (s.statusCode() != StatusCode.UNSET) {
      g.writeStringField("otel.status_code", s.statusCode().name());
    }
    if (s.statusCode() == StatusCode.ERROR) {
      String d = s.statusDescription();
      g.writeStringField("error", d == null || d.isEmpty() ? "true" : d);
    }
    if (s.droppedAttributes() > 0) {
      g.writeStringField("otel.dropped_attributes_count", Integer.toString(s.droppedAttributes()));
    }
    if (s.droppedEvents() > 0) {
      g.writeStringField("otel.dropped_events_count", Integer.toString(s.droppedEvents()));
    }
    g.writeEndObject();
  }

  /** Zipkin tags are strings: scalars as text, arrays as a JSON list ({@code ["a","b"]}, {@code [1,2]}). */
  static String tagValue(Object v) throws IOException {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof String[] || v instanceof long[] || v instanceof double[] || v instanceof boolean[]) {
      StringWriter w = new StringWriter();
      try (JsonGenerator a = JSON.createGenerator(w)) {
        writeJsonValue(a, v);
      }
      return w.toString();
    }
    return String.valueOf(v);
  }

  private static void writeJsonValue(JsonGenerator g, Object v) throws IOException {
    if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Long) {
      g.writeNumber((Long) v);
    } else if (v instanceof Double) {
      writeDouble(g, (Double) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof String[]) {
      g.writeStartArray();
      for (String x : (String[]) v) {
        g.writeString(x);
      }
      g.writeEndArray();
    } else if (v instanceof long[]) {
      g.writeStartArray();
      for (long x : (long[]) v) {
        g.writeNumber(x);
      }
      g.writeEndArray();
    } else if (v instanceof double[]) {
      g.writeStartArray();
      for (double x : (double[]) v) {
        writeDouble(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof boolean[]) {
      g.writeStartArray();
      for (boolean x : (boolean[]) v) {
        g.writeBoolean(x);
      }
      g.writeEndArray();
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  private static void writeDouble(JsonGenerator g, double d) throws IOException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      g.writeString(Double.toString(d)); // JSON has no NaN or Infinity
    } else {
      g.writeNumber(d);
    }
  }
}
