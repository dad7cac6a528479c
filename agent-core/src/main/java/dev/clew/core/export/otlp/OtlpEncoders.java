package dev.clew.core.export.otlp;

import dev.clew.core.export.ExportBuffer;
import dev.clew.core.export.SpanEncoder;
import dev.clew.core.trace.SpanData;
import java.util.Collection;

/** The OTLP encoding of each protocol. Each exporter gets its own: the encoders keep buffers and are not thread-safe. */
final class OtlpEncoders {
  private OtlpEncoders() {}

  static SpanEncoder forProtocol(OtlpHttpExporter.Protocol protocol) {
    if (protocol == OtlpHttpExporter.Protocol.HTTP_JSON) {
      OtlpJsonEncoder json = new OtlpJsonEncoder();
      return new SpanEncoder() {
        @Override
        public void encode(Collection<SpanData> spans, ExportBuffer out) {
          json.encode(spans, out);
        }

        @Override
        public String contentType() {
          return "application/json";
        }
      };
    }
    OtlpProtobufEncoder proto = new OtlpProtobufEncoder();
    return new SpanEncoder() {
      @Override
      public void encode(Collection<SpanData> spans, ExportBuffer out) {
        proto.encode(spans, out);
      }

      @Override
      public String contentType() {
        return "application/x-protobuf";
      }
    };
  }
}
