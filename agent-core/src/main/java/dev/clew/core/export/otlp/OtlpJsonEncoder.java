package dev.clew.core.export.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.Ids;
import dev.clew.core.trace.InstrumentationScope;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Encodes spans as OTLP/JSON ({@code ExportTraceServiceRequest}) with jackson-core's streaming generator.
 * The OTLP/JSON rules differ from the plain proto3 JSON mapping: trace and span ids are lower-case hex
 * (not base64), enums are integers, keys are lowerCamelCase. As in proto3 JSON, 64-bit integers
 * (int_value and the fixed64 times) are decimal strings, and fields holding their default are left out.
 * One instance per thread: it is not thread-safe.
 */
public final class OtlpJsonEncoder {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  // field names pre-encoded once: jackson then copies their bytes instead of escaping and encoding each time
  private static final SerializedString ARRAY_VALUE = new SerializedString("arrayValue");
  private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
  private static final SerializedString BOOL_VALUE = new SerializedString("boolValue");
  private static final SerializedString CODE = new SerializedString("code");
  private static final SerializedString DOUBLE_VALUE = new SerializedString("doubleValue");
  private static final SerializedString DROPPED_ATTRIBUTES_COUNT = new SerializedString("droppedAttributesCount");
  private static final SerializedString DROPPED_EVENTS_COUNT = new SerializedString("droppedEventsCount");
  private static final SerializedString DROPPED_LINKS_COUNT = new SerializedString("droppedLinksCount");
  private static final SerializedString END_TIME_UNIX_NANO = new SerializedString("endTimeUnixNano");
  private static final SerializedString EVENTS = new SerializedString("events");
  private static final SerializedString FLAGS = new SerializedString("flags");
  private static final SerializedString INT_VALUE = new SerializedString("intValue");
  private static final SerializedString KEY = new SerializedString("key");
  private static final SerializedString KIND = new SerializedString("kind");
  private static final SerializedString LINKS = new SerializedString("links");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString PARENT_SPAN_ID = new SerializedString("parentSpanId");
  private static final SerializedString RESOURCE = new SerializedString("resource");
  private static final SerializedString RESOURCE_SPANS = new SerializedString("resourceSpans");
  private static final SerializedString SCOPE = new SerializedString("scope");
  private static final SerializedString SCOPE_SPANS = new SerializedString("scopeSpans");
  private static final SerializedString SPAN_ID = new SerializedString("spanId");
  private static final SerializedString SPANS = new SerializedString("spans");
  private static final SerializedString START_TIME_UNIX_NANO = new SerializedString("startTimeUnixNano");
  private static final SerializedString STATUS = new SerializedString("status");
  private static final SerializedString STRING_VALUE = new SerializedString("stringValue");
  private static final SerializedString TIME_UNIX_NANO = new SerializedString("timeUnixNano");
  private static final SerializedString TRACE_ID = new SerializedString("traceId");
  private static final SerializedString TRACE_STATE = new SerializedString("traceState");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString VALUES = new SerializedString("values");
  private static final SerializedString VERSION = new SerializedString("version");

  private final SpanGroups groups = new SpanGroups();
  private final char[] chars = new char[32];
  private final Buffer buffer = new Buffer();

  /** The request as JSON bytes (UTF-8). */
  public byte[] encode(Collection<? extends SpanData> spans) {
    buffer.reset();
    encode(spans, buffer);
    return buffer.toByteArray();
  }

  /** Writes the request as JSON (UTF-8) to {@code out}, which is left open. */
  public void encode(Collection<? extends SpanData> spans, OutputStream out) {
    groups.group(spans);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writeRequest(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      groups.release();
    }
  }

  /**
   * Writes one span as a complete request object on one line, ending with {@code \n}: each line of a
   * file of spans is then a self-describing OTLP/JSON request (with its resource and scope).
   */
  public void encodeLine(SpanData span, OutputStream out) {
    encode(Collections.singletonList(span), out);
    try {
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #encodeLine(SpanData, OutputStream)} into a new array. */
  public byte[] encodeLine(SpanData span) {
    buffer.reset();
    encodeLine(span, buffer);
    return buffer.toByteArray();
  }

  private void writeRequest(JsonGenerator json) throws IOException {
    json.writeStartObject();
    if (groups.resourceCount == 0) {
      json.writeEndObject(); // no empty arrays in OTLP/JSON: an empty request is {}
      return;
    }
    json.writeFieldName(RESOURCE_SPANS);
    json.writeStartArray();
    for (int r = 0; r < groups.resourceCount; r++) {
      json.writeStartObject();
      writeResource(json, groups.resources[r]);
      json.writeFieldName(SCOPE_SPANS);
      json.writeStartArray();
      for (int g = 0; g < groups.groupCount; g++) {
        if (groups.groupResource[g] == r) {
          writeScopeSpans(json, g);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeResource(JsonGenerator json, Resource resource) throws IOException {
    json.writeFieldName(RESOURCE);
    json.writeStartObject();
    Attributes a = resource.attributes();
    writeAttributes(json, a);
    writeCount(json, DROPPED_ATTRIBUTES_COUNT, a.droppedCount());
    json.writeEndObject();
  }

  private void writeScopeSpans(JsonGenerator json, int g) throws IOException {
    InstrumentationScope scope = groups.groupScope[g];
    json.writeStartObject();
    json.writeFieldName(SCOPE);
    json.writeStartObject();
    writeString(json, NAME, scope.name());
    writeString(json, VERSION, scope.version());
    json.writeEndObject();
    json.writeFieldName(SPANS);
    json.writeStartArray();
    for (int i = groups.groupStart[g], end = groups.groupStart[g + 1]; i < end; i++) {
      writeSpan(json, groups.ordered[i]);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeSpan(JsonGenerator json, SpanData span) throws IOException {
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    json.writeStartObject();
    writeTraceAndSpanId(json, context);
    writeString(json, TRACE_STATE, context.traceState().toHeader());
    if (parent.isValid()) {
      json.writeFieldName(PARENT_SPAN_ID);
      writeSpanIdValue(json, parent.spanId());
    }
    json.writeFieldName(FLAGS);
    json.writeNumber(OtlpProtobufEncoder.flags(context.flags(), parent.isRemote()));
    writeString(json, NAME, span.name());
    json.writeFieldName(KIND);
    json.writeNumber(span.kind().ordinal() + 1);
    json.writeFieldName(START_TIME_UNIX_NANO);
    writeLongString(json, span.startEpochNanos());
    json.writeFieldName(END_TIME_UNIX_NANO);
    writeLongString(json, span.endEpochNanos());
    writeAttributes(json, span.attributes());
    writeCount(json, DROPPED_ATTRIBUTES_COUNT, span.droppedAttributes());
    List<SpanEvent> events = span.events();
    if (!events.isEmpty()) {
      json.writeFieldName(EVENTS);
      json.writeStartArray();
      for (int i = 0, n = events.size(); i < n; i++) {
        writeEvent(json, events.get(i));
      }
      json.writeEndArray();
    }
    writeCount(json, DROPPED_EVENTS_COUNT, span.droppedEvents());
    List<SpanLink> links = span.links();
    if (!links.isEmpty()) {
      json.writeFieldName(LINKS);
      json.writeStartArray();
      for (int i = 0, n = links.size(); i < n; i++) {
        writeLink(json, links.get(i));
      }
      json.writeEndArray();
    }
    writeCount(json, DROPPED_LINKS_COUNT, span.droppedLinks());
    json.writeFieldName(STATUS);
    json.writeStartObject();
    writeString(json, MESSAGE, span.statusDescription());
    int code = span.statusCode().ordinal();
    if (code != 0) {
      json.writeFieldName(CODE);
      json.writeNumber(code);
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeEvent(JsonGenerator json, SpanEvent event) throws IOException {
    json.writeStartObject();
    json.writeFieldName(TIME_UNIX_NANO);
    writeLongString(json, event.epochNanos());
    writeString(json, NAME, event.name());
    Attributes a = event.attributes();
    writeAttributes(json, a);
    writeCount(json, DROPPED_ATTRIBUTES_COUNT, a.droppedCount());
    json.writeEndObject();
  }

  private void writeLink(JsonGenerator json, SpanLink link) throws IOException {
    SpanContext c = link.spanContext();
    json.writeStartObject();
    writeTraceAndSpanId(json, c);
    writeString(json, TRACE_STATE, c.traceState().toHeader());
    Attributes a = link.attributes();
    writeAttributes(json, a);
    writeCount(json, DROPPED_ATTRIBUTES_COUNT, a.droppedCount());
    json.writeFieldName(FLAGS);
    json.writeNumber(OtlpProtobufEncoder.flags(c.flags(), c.isRemote()));
    json.writeEndObject();
  }

  private void writeTraceAndSpanId(JsonGenerator json, SpanContext c) throws IOException {
    json.writeFieldName(TRACE_ID);
    Ids.fill(chars, 0, c.traceIdHigh());
    Ids.fill(chars, 16, c.traceIdLow());
    json.writeString(chars, 0, 32);
    json.writeFieldName(SPAN_ID);
    writeSpanIdValue(json, c.spanId());
  }

  private void writeSpanIdValue(JsonGenerator json, long spanId) throws IOException {
    Ids.fill(chars, 0, spanId);
    json.writeString(chars, 0, 16);
  }

  /** A 64-bit integer as a JSON string of decimal digits, without allocating. */
  private void writeLongString(JsonGenerator json, long v) throws IOException {
    if (v == Long.MIN_VALUE) {
      json.writeString("-9223372036854775808");
      return;
    }
    int p = chars.length;
    boolean negative = v < 0;
    if (negative) {
      v = -v;
    }
    do {
      chars[--p] = (char) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    if (negative) {
      chars[--p] = '-';
    }
    json.writeString(chars, p, chars.length - p);
  }

  private static void writeString(JsonGenerator json, SerializedString field, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      json.writeFieldName(field);
      json.writeString(value);
    }
  }

  private static void writeCount(JsonGenerator json, SerializedString field, int count) throws IOException {
    if (count != 0) {
      json.writeFieldName(field);
      json.writeNumber(count);
    }
  }

  private void writeAttributes(JsonGenerator json, Attributes a) throws IOException {
    int n = a.size();
    if (n == 0) {
      return;
    }
    json.writeFieldName(ATTRIBUTES);
    json.writeStartArray();
    for (int i = 0; i < n; i++) {
      json.writeStartObject();
      json.writeFieldName(KEY);
      json.writeString(a.key(i));
      json.writeFieldName(VALUE);
      writeAnyValue(json, a.value(i));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeAnyValue(JsonGenerator json, Object v) throws IOException {
    json.writeStartObject();
    if (v instanceof String) {
      json.writeFieldName(STRING_VALUE);
      json.writeString((String) v);
    } else if (v instanceof Long) {
      json.writeFieldName(INT_VALUE);
      writeLongString(json, (Long) v);
    } else if (v instanceof Boolean) {
      json.writeFieldName(BOOL_VALUE);
      json.writeBoolean((Boolean) v);
    } else if (v instanceof Double) {
      json.writeFieldName(DOUBLE_VALUE);
      writeDouble(json, (Double) v);
    } else if (v != null) {
      json.writeFieldName(ARRAY_VALUE);
      json.writeStartObject();
      json.writeFieldName(VALUES);
      json.writeStartArray();
      writeArrayValues(json, v);
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private void writeArrayValues(JsonGenerator json, Object v) throws IOException {
    if (v instanceof String[]) {
      for (String s : (String[]) v) {
        json.writeStartObject();
        if (s != null) {
          json.writeFieldName(STRING_VALUE);
          json.writeString(s);
        }
        json.writeEndObject();
      }
    } else if (v instanceof long[]) {
      for (long l : (long[]) v) {
        json.writeStartObject();
        json.writeFieldName(INT_VALUE);
        writeLongString(json, l);
        json.writeEndObject();
      }
    } else if (v instanceof double[]) {
      for (double d : (double[]) v) {
        json.writeStartObject();
        json.writeFieldName(DOUBLE_VALUE);
        writeDouble(json, d);
        json.writeEndObject();
      }
    } else if (v instanceof boolean[]) {
      for (boolean b : (boolean[]) v) {
        json.writeStartObject();
        json.writeFieldName(BOOL_VALUE);
        json.writeBoolean(b);
        json.writeEndObject();
      }
    }
  }

  /** proto3 JSON: a number, or the strings NaN, Infinity and -Infinity. */
  private static void writeDouble(JsonGenerator json, double d) throws IOException {
    if (Double.isNaN(d)) {
      json.writeString("NaN");
    } else if (Double.isInfinite(d)) {
      json.writeString(d > 0 ? "Infinity" : "-Infinity");
    } else {
      json.writeNumber(d);
    }
  }

  /** A byte sink kept between batches, so only the result array is new per batch. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(8192);
    }
  }
}
