package dev.clew.core.export.otlp;

import dev.clew.core.export.SpanEncoder;
import dev.clew.core.trace.SpanData;
import java.util.Collection;

/** The OTLP encoding of each protocol, as a {@link SpanEncoder}; one per exporter (the encoders keep buffers). */
final class OtlpEncoders {
  private OtlpEncoders() {}

  static SpanEncoder forProtocol(OtlpHttpExporter.Protocol protocol) {
    return protocol == OtlpHttpExporter.Protocol.HTTP_JSON ? new Json() : new Protobuf();
  }

  private static final class Protobuf implements SpanEncoder {
    private final OtlpProtobufEncoder encoder = new OtlpProtobufEncoder();

    @Override
    public byte[] encode(Collection<SpanData> spans) {
      return encoder.encode(spans);
    }

    @Override
    public String contentType() {
      return "application/x-protobuf";
    }
  }

  private static final class Json implements SpanEncoder {
    private final OtlpJsonEncoder encoder = new OtlpJsonEncoder();

    @Override
    public byte[] encode(Collection<SpanData> spans) {
      return encoder.encode(spans);
    }

    @Override
    public String contentType() {
      return "application/json";
    }
  }
}
