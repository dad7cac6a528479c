package dev.clew.core.export;

import dev.clew.core.trace.SpanData;
import java.util.Collection;

/** Turns a batch of finished spans into one request body of a wire format (OTLP protobuf/JSON, Zipkin JSON). */
public interface SpanEncoder {
  /** Appends the body to {@code out}, a buffer the caller reuses for the next batch. */
  void encode(Collection<SpanData> spans, ExportBuffer out);

  /** The body in an array of its own. */
  default byte[] encode(Collection<SpanData> spans) {
    ExportBuffer out = new ExportBuffer();
    encode(spans, out);
    return out.toByteArray();
  }

  /** The media type of the body, e.g. {@code application/x-protobuf}. */
  String contentType();
}
