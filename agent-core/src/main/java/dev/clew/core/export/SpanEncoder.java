package dev.clew.core.export;

import dev.clew.core.trace.SpanData;
import java.util.Collection;

/** Turns a batch of finished spans into one request body of a wire format (OTLP protobuf/JSON, Zipkin JSON). */
public interface SpanEncoder {
  byte[] encode(Collection<SpanData> spans);

  /** The media type of the body, e.g. {@code application/x-protobuf}. */
  String contentType();
}
