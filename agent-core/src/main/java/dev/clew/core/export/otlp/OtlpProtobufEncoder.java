package dev.clew.core.export.otlp;

import dev.clew.core.export.ExportBuffer;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.InstrumentationScope;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanLink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Encodes spans as an OTLP {@code ExportTraceServiceRequest} in protobuf, straight from our span objects.
 *
 * <p>Two passes over the same traversal: the first computes the length of every length-delimited field
 * (nested messages and strings) into an int array in pre-order, the second writes into a byte array of
 * the exact total size, taking those lengths in the same order. Nothing is copied twice and, apart from
 * the result, the only allocations are arrays reused from one batch to the next.
 *
 * <p>Spans are grouped by resource (by identity: one provider has one resource) and then by
 * instrumentation scope, as the protocol requires. One instance per thread: it is not thread-safe.
 */
public final class OtlpProtobufEncoder {
  // SpanFlags in trace.proto: the W3C flags in the low byte, then "is_remote known" and "is_remote".
  static final int CONTEXT_HAS_IS_REMOTE = 0x100;
  static final int CONTEXT_IS_REMOTE = 0x200;

  private final ProtoWriter out = new ProtoWriter();
  private int[] sizes = new int[1024];
  private int sizeCount;
  private int cursor;
  private final SpanGroups groups = new SpanGroups();

  private byte[] scratch = new byte[0];

  /** The encoded request; an empty request (zero bytes) for no spans. */
  public byte[] encode(Collection<? extends SpanData> spans) {
    groups.group(spans);
    try {
      int total = computeSizes();
      byte[] result = new byte[total];
      write(result, 0, total);
      return result;
    } finally {
      groups.release();
    }
  }

  /**
   * Writes the encoded request to {@code sink} through a buffer kept for the next batch, so a sender
   * that streams (e.g. through gzip) allocates nothing per batch here. Returns the number of bytes.
   */
  public int encode(Collection<? extends SpanData> spans, OutputStream sink) throws IOException {
    groups.group(spans);
    try {
      int total = computeSizes();
      if (scratch.length < total) {
        scratch = new byte[Math.max(total, scratch.length * 2)];
      }
      write(scratch, 0, total);
      sink.write(scratch, 0, total);
      return total;
    } finally {
      groups.release();
    }
  }

  /**
   * Appends the encoded request to {@code out}, written in place (no intermediate copy): with a buffer the
   * exporter keeps, nothing is allocated per batch. Returns the number of bytes.
   */
  public int encode(Collection<? extends SpanData> spans, ExportBuffer out) {
    groups.group(spans);
    try {
      int total = computeSizes();
      write(out.reserve(total), out.size(), total);
      out.advance(total);
      return total;
    } finally {
      groups.release();
    }
  }

  private int computeSizes() {
    sizeCount = 0;
    return sizeRequest();
  }

  private void write(byte[] target, int offset, int total) {
    out.reset(target, offset);
    cursor = 0;
    writeRequest();
    int written = out.pos - offset;
    out.reset(null, 0);
    if (written != total || cursor != sizeCount) { // a span changed between the passes, or a bug
      throw new IllegalStateException("OTLP encoding size mismatch: " + written + " of " + total + " bytes");
    }
  }

  // ---- pass 1: sizes ----

  private int reserve() {
    if (sizeCount == sizes.length) {
      sizes = Arrays.copyOf(sizes, sizes.length * 2);
    }
    return sizeCount++;
  }

  /** Records the body length of a nested field reserved at {@code slot}; returns the field's full size. */
  private int nested(int field, int slot, int len) {
    sizes[slot] = len;
    return ProtoWriter.tagSize(field) + ProtoWriter.varintSize32(len) + len;
  }

  private int sizeString(int field, String s) {
    if (s == null || s.isEmpty()) {
      return 0;
    }
    return sizeStringAlways(field, s);
  }

  /** A string field; its slot holds the UTF-8 length, complemented ({@code ~len}) unless the text is ASCII. */
  private int sizeStringAlways(int field, String s) {
    int slot = reserve();
    int measured = ProtoWriter.utf8Measure(s);
    sizes[slot] = measured;
    int len = measured >= 0 ? measured : ~measured;
    return ProtoWriter.tagSize(field) + ProtoWriter.varintSize32(len) + len;
  }

  private static int sizeUint32(int field, int v) {
    return v == 0 ? 0 : ProtoWriter.tagSize(field) + ProtoWriter.varintSize32(v);
  }

  private int sizeRequest() {
    int total = 0;
    for (int r = 0; r < groups.resourceCount; r++) {
      int slot = reserve();
      total += nested(1, slot, sizeResourceSpans(r));
    }
    return total;
  }

  private int sizeResourceSpans(int r) {
    int slot = reserve();
    int total = nested(1, slot, sizeResource(groups.resources[r]));
    for (int g = 0; g < groups.groupCount; g++) {
      if (groups.groupResource[g] == r) {
        slot = reserve();
        total += nested(2, slot, sizeScopeSpans(g));
      }
    }
    return total;
  }

  private int sizeResource(Resource resource) {
    Attributes a = resource.attributes();
    return sizeAttributes(1, a) + sizeUint32(2, a.droppedCount());
  }

  private int sizeScopeSpans(int g) {
    InstrumentationScope scope = groups.groupScope[g];
    int slot = reserve();
    int total = nested(1, slot, sizeString(1, scope.name()) + sizeString(2, scope.version()));
    for (int i = groups.groupStart[g], end = groups.groupStart[g + 1]; i < end; i++) {
      slot = reserve();
      total += nested(2, slot, sizeSpan(groups.ordered[i]));
    }
    return total;
  }

  private int sizeSpan(SpanData span) {
    SpanContext parent = span.parentSpanContext();
    int total = 18 + 10; // trace_id (16 bytes) and span_id (8 bytes), each with tag and length
    total += sizeString(3, span.spanContext().traceState().toHeader());
    if (parent.isValid()) {
      total += 10;
    }
    total += sizeString(5, span.name());
    total += 2; // kind: never 0 (UNSPECIFIED)
    total += 9 + 9; // start and end times: fixed64
    Attributes attributes = span.attributes();
    total += sizeAttributes(9, attributes) + sizeUint32(10, span.droppedAttributes());
    List<SpanEvent> events = span.events();
    for (int i = 0, n = events.size(); i < n; i++) {
      int slot = reserve();
      total += nested(11, slot, sizeEvent(events.get(i)));
    }
    total += sizeUint32(12, span.droppedEvents());
    List<SpanLink> links = span.links();
    for (int i = 0, n = links.size(); i < n; i++) {
      int slot = reserve();
      total += nested(13, slot, sizeLink(links.get(i)));
    }
    total += sizeUint32(14, span.droppedLinks());
    int slot = reserve();
    total += nested(15, slot, sizeStatus(span));
    total += 2 + 4; // flags: fixed32, field 16 has a two-byte tag
    return total;
  }

  private int sizeStatus(SpanData span) {
    int code = span.statusCode().ordinal();
    return sizeString(2, span.statusDescription()) + (code == 0 ? 0 : 2);
  }

  private int sizeEvent(SpanEvent event) {
    Attributes a = event.attributes();
    return 9 + sizeString(2, event.name()) + sizeAttributes(3, a) + sizeUint32(4, a.droppedCount());
  }

  private int sizeLink(SpanLink link) {
    Attributes a = link.attributes();
    return 18 + 10 + sizeString(3, link.spanContext().traceState().toHeader()) + sizeAttributes(4, a)
        + sizeUint32(5, a.droppedCount()) + 5;
  }

  private int sizeAttributes(int field, Attributes a) {
    int total = 0;
    for (int i = 0, n = a.size(); i < n; i++) {
      int slot = reserve();
      total += nested(field, slot, sizeKeyValue(a.key(i), a.value(i)));
    }
    return total;
  }

  private int sizeKeyValue(String key, Object value) {
    int total = sizeString(1, key);
    int slot = reserve();
    return total + nested(2, slot, sizeAnyValue(value));
  }

  private int sizeAnyValue(Object v) {
    if (v instanceof String) {
      return sizeStringAlways(1, (String) v);
    }
    if (v instanceof Long) {
      return 1 + ProtoWriter.varintSize64((Long) v);
    }
    if (v instanceof Boolean) {
      return 2;
    }
    if (v instanceof Double) {
      return 9;
    }
    if (v == null) {
      return 0;
    }
    int slot = reserve();
    return nested(5, slot, sizeArray(v));
  }

  private int sizeArray(Object v) {
    int total = 0;
    if (v instanceof String[]) {
      String[] a = (String[]) v;
      for (String s : a) {
        int slot = reserve();
        total += nested(1, slot, s == null ? 0 : sizeStringAlways(1, s));
      }
    } else if (v instanceof long[]) {
      for (long l : (long[]) v) {
        total += 2 + 1 + ProtoWriter.varintSize64(l); // AnyValue tag, its length (< 128), int_value
      }
    } else if (v instanceof double[]) {
      total = ((double[]) v).length * (2 + 9);
    } else if (v instanceof boolean[]) {
      total = ((boolean[]) v).length * (2 + 2);
    }
    return total;
  }

  // ---- pass 2: bytes ----

  private int nextSize() {
    return sizes[cursor++];
  }

  private void writeNested(int field) {
    out.tag(field, ProtoWriter.LEN);
    out.varint32(nextSize());
  }

  private void writeString(int field, String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    writeStringAlways(field, s);
  }

  private void writeStringAlways(int field, String s) {
    int measured = nextSize();
    out.tag(field, ProtoWriter.LEN);
    if (measured >= 0) {
      out.varint32(measured);
      out.ascii(s);
    } else {
      out.varint32(~measured);
      out.utf8(s, ~measured);
    }
  }

  private void writeUint32(int field, int v) {
    if (v != 0) {
      out.tag(field, ProtoWriter.VARINT);
      out.varint32(v);
    }
  }

  private void writeRequest() {
    for (int r = 0; r < groups.resourceCount; r++) {
      writeNested(1);
      writeResourceSpans(r);
    }
  }

  private void writeResourceSpans(int r) {
    writeNested(1);
    Attributes a = groups.resources[r].attributes();
    writeAttributes(1, a);
    writeUint32(2, a.droppedCount());
    for (int g = 0; g < groups.groupCount; g++) {
      if (groups.groupResource[g] == r) {
        writeNested(2);
        writeScopeSpans(g);
      }
    }
  }

  private void writeScopeSpans(int g) {
    InstrumentationScope scope = groups.groupScope[g];
    writeNested(1);
    writeString(1, scope.name());
    writeString(2, scope.version());
    for (int i = groups.groupStart[g], end = groups.groupStart[g + 1]; i < end; i++) {
      writeNested(2);
      writeSpan(groups.ordered[i]);
    }
  }

  private void writeTraceAndSpanId(SpanContext c) {
    out.tag(1, ProtoWriter.LEN);
    out.varint32(16);
    out.idBytes(c.traceIdHigh());
    out.idBytes(c.traceIdLow());
    out.tag(2, ProtoWriter.LEN);
    out.varint32(8);
    out.idBytes(c.spanId());
  }

  private void writeSpan(SpanData span) {
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    writeTraceAndSpanId(context);
    writeString(3, context.traceState().toHeader());
    if (parent.isValid()) {
      out.tag(4, ProtoWriter.LEN);
      out.varint32(8);
      out.idBytes(parent.spanId());
    }
    writeString(5, span.name());
    out.tag(6, ProtoWriter.VARINT);
    out.varint32(span.kind().ordinal() + 1);
    out.tag(7, ProtoWriter.FIXED64);
    out.fixed64(span.startEpochNanos());
    out.tag(8, ProtoWriter.FIXED64);
    out.fixed64(span.endEpochNanos());
    writeAttributes(9, span.attributes());
    writeUint32(10, span.droppedAttributes());
    List<SpanEvent> events = span.events();
    for (int i = 0, n = events.size(); i < n; i++) {
      writeNested(11);
      writeEvent(events.get(i));
    }
    writeUint32(12, span.droppedEvents());
    List<SpanLink> links = span.links();
    for (int i = 0, n = links.size(); i < n; i++) {
      writeNested(13);
      writeLink(links.get(i));
    }
    writeUint32(14, span.droppedLinks());
    writeNested(15);
    writeString(2, span.statusDescription());
    int code = span.statusCode().ordinal();
    if (code != 0) {
      out.tag(3, ProtoWriter.VARINT);
      out.varint32(code);
    }
    out.tag(16, ProtoWriter.FIXED32);
    out.fixed32(flags(context.flags(), parent.isRemote()));
  }

  static int flags(byte traceFlags, boolean remote) {
    return (traceFlags & 0xFF) | CONTEXT_HAS_IS_REMOTE | (remote ? CONTEXT_IS_REMOTE : 0);
  }

  private void writeEvent(SpanEvent event) {
    out.tag(1, ProtoWriter.FIXED64);
    out.fixed64(event.epochNanos());
    writeString(2, event.name());
    Attributes a = event.attributes();
    writeAttributes(3, a);
    writeUint32(4, a.droppedCount());
  }

  private void writeLink(SpanLink link) {
    SpanContext c = link.spanContext();
    writeTraceAndSpanId(c);
    writeString(3, c.traceState().toHeader());
    Attributes a = link.attributes();
    writeAttributes(4, a);
    writeUint32(5, a.droppedCount());
    out.tag(6, ProtoWriter.FIXED32);
    out.fixed32(flags(c.flags(), c.isRemote()));
  }

  private void writeAttributes(int field, Attributes a) {
    for (int i = 0, n = a.size(); i < n; i++) {
      writeNested(field);
      writeString(1, a.key(i));
      writeNested(2);
      writeAnyValue(a.value(i));
    }
  }

  private void writeAnyValue(Object v) {
    if (v instanceof String) {
      writeStringAlways(1, (String) v);
    } else if (v instanceof Long) {
      out.tag(3, ProtoWriter.VARINT);
      out.varint64((Long) v);
    } else if (v instanceof Boolean) {
      out.tag(2, ProtoWriter.VARINT);
      out.varint32((Boolean) v ? 1 : 0);
    } else if (v instanceof Double) {
      out.tag(4, ProtoWriter.FIXED64);
      out.fixed64(Double.doubleToRawLongBits((Double) v));
    } else if (v != null) {
      writeNested(5);
      writeArray(v);
    }
  }

  private void writeArray(Object v) {
    if (v instanceof String[]) {
      for (String s : (String[]) v) {
        writeNested(1);
        if (s != null) {
          writeStringAlways(1, s);
        }
      }
    } else if (v instanceof long[]) {
      for (long l : (long[]) v) {
        out.tag(1, ProtoWriter.LEN);
        out.varint32(1 + ProtoWriter.varintSize64(l));
        out.tag(3, ProtoWriter.VARINT);
        out.varint64(l);
      }
    } else if (v instanceof double[]) {
      for (double d : (double[]) v) {
        out.tag(1, ProtoWriter.LEN);
        out.varint32(9);
        out.tag(4, ProtoWriter.FIXED64);
        out.fixed64(Double.doubleToRawLongBits(d));
      }
    } else if (v instanceof boolean[]) {
      for (boolean b : (boolean[]) v) {
        out.tag(1, ProtoWriter.LEN);
        out.varint32(2);
        out.tag(2, ProtoWriter.VARINT);
        out.varint32(b ? 1 : 0);
      }
    }
  }
}
