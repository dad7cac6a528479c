package dev.clew.core.export.otlp;

import dev.clew.core.export.SpanEncoder;
import dev.clew.core.trace.SpanData;
import java.util.Collection;

/** The OTLP encoding of each protocol. */
final class OtlpEncoders {
  private OtlpEncoders() {}

  static SpanEncoder forProtocol(OtlpHttpExporter.Protocol protocol) {
    // TEMPORARY until the OTLP encoders land on main
    return new SpanEncoder() {
      @Override
      public byte[] encode(Collection<SpanData> spans) {
        return new byte[0];
      }

      @Override
      public String contentType() {
        return protocol == OtlpHttpExporter.Protocol.HTTP_JSON ? "application/json" : "application/x-protobuf";
      }
    };
  }
}
