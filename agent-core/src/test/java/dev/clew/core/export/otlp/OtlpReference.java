package dev.clew.core.export.otlp;

import com.google.protobuf.ByteString;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.SpanContext;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.SpanEvent;
import dev.clew.core.trace.SpanLink;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.SpanFlags;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the spec says our spans must become, built field by field with the official generated classes:
 * the oracle the encoders are compared against.
 */
final class OtlpReference {
  private OtlpReference() {}

  static ExportTraceServiceRequest request(List<SpanData> spans) {
    Map<dev.clew.core.trace.Resource, Map<dev.clew.core.trace.InstrumentationScope, List<SpanData>>> groups =
        new IdentityHashMap<>();
    List<dev.clew.core.trace.Resource> order = new ArrayList<>();
    for (SpanData s : spans) {
      if (!groups.containsKey(s.resource())) {
        order.add(s.resource());
        groups.put(s.resource(), new LinkedHashMap<>());
      }
      groups.get(s.resource()).computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(s);
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (dev.clew.core.trace.Resource r : order) {
      ResourceSpans.Builder rs = ResourceSpans.newBuilder().setResource(Resource.newBuilder()
          .addAllAttributes(keyValues(r.attributes())).setDroppedAttributesCount(r.attributes().droppedCount()));
      for (Map.Entry<dev.clew.core.trace.InstrumentationScope, List<SpanData>> e : groups.get(r).entrySet()) {
        InstrumentationScope.Builder scope = InstrumentationScope.newBuilder().setName(e.getKey().name());
        if (e.getKey().version() != null) {
          scope.setVersion(e.getKey().version());
        }
        ScopeSpans.Builder ss = ScopeSpans.newBuilder().setScope(scope);
        for (SpanData s : e.getValue()) {
          ss.addSpans(span(s));
        }
        rs.addScopeSpans(ss);
      }
      request.addResourceSpans(rs);
    }
    return request.build();
  }

  static Span span(SpanData s) {
    SpanContext c = s.spanContext();
    Span.Builder b = Span.newBuilder()
        .setTraceId(traceId(c))
        .setSpanId(spanId(c.spanId()))
        .setTraceState(c.traceState().toHeader())
        .setName(s.name())
        .setKind(Span.SpanKind.forNumber(s.kind().ordinal() + 1))
        .setStartTimeUnixNano(s.startEpochNanos())
        .setEndTimeUnixNano(s.endEpochNanos())
        .addAllAttributes(keyValues(s.attributes()))
        .setDroppedAttributesCount(s.droppedAttributes())
        .setDroppedEventsCount(s.droppedEvents())
        .setDroppedLinksCount(s.droppedLinks())
        .setFlags(flags(c.flags(), s.parentSpanContext().isRemote()));
    if (s.parentSpanContext().isValid()) {
      b.setParentSpanId(spanId(s.parentSpanContext().spanId()));
    }
    for (SpanEvent e : s.events()) {
      b.addEvents(Span.Event.newBuilder().setTimeUnixNano(e.epochNanos()).setName(e.name())
          .addAllAttributes(keyValues(e.attributes())).setDroppedAttributesCount(e.attributes().droppedCount()));
    }
    for (SpanLink l : s.links()) {
      SpanContext lc = l.spanContext();
      b.addLinks(Span.Link.newBuilder().setTraceId(traceId(lc)).setSpanId(spanId(lc.spanId()))
          .setTraceState(lc.traceState().toHeader()).addAllAttributes(keyValues(l.attributes()))
          .setDroppedAttributesCount(l.attributes().droppedCount()).setFlags(flags(lc.flags(), lc.isRemote())));
    }
    Status.Builder status = Status.newBuilder().setCode(Status.StatusCode.forNumber(s.statusCode().ordinal()));
    if (s.statusDescription() != null) {
      status.setMessage(s.statusDescription());
    }
    return b.setStatus(status).build();
  }

  static int flags(byte traceFlags, boolean remote) {
    return (traceFlags & 0xFF) | SpanFlags.SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK_VALUE
        | (remote ? SpanFlags.SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK_VALUE : 0);
  }

  static ByteString traceId(SpanContext c) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(c.traceIdHigh()).putLong(c.traceIdLow()).array());
  }

  static ByteString spanId(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  static List<KeyValue> keyValues(Attributes a) {
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(KeyValue.newBuilder().setKey(a.key(i)).setValue(value(a.value(i))).build());
    }
    return out;
  }

  static AnyValue value(Object v) {
    AnyValue.Builder b = AnyValue.newBuilder();
    if (v instanceof String s) {
      return b.setStringValue(s).build();
    } else if (v instanceof Boolean x) {
      return b.setBoolValue(x).build();
    } else if (v instanceof Long x) {
      return b.setIntValue(x).build();
    } else if (v instanceof Double x) {
      return b.setDoubleValue(x).build();
    }
    ArrayValue.Builder array = ArrayValue.newBuilder();
    if (v instanceof String[] a) {
      for (String s : a) {
        array.addValues(s == null ? AnyValue.getDefaultInstance() : value(s));
      }
    } else if (v instanceof long[] a) {
      for (long x : a) {
        array.addValues(value(x));
      }
    } else if (v instanceof double[] a) {
      for (double x : a) {
        array.addValues(value(x));
      }
    } else if (v instanceof boolean[] a) {
      for (boolean x : a) {
        array.addValues(value(x));
      }
    }
    return b.setArrayValue(array).build();
  }
}
