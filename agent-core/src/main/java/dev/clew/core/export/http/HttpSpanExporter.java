package dev.clew.core.export.http;

import dev.clew.core.export.ExportBuffer;
import dev.clew.core.export.ExportResult;
import dev.clew.core.export.SpanEncoder;
import dev.clew.core.export.SpanExporter;
import dev.clew.core.trace.SpanData;
import java.util.Collection;

/**
 * Encodes a batch with a {@link SpanEncoder} and POSTs it with an {@link HttpSender}: OTLP/HTTP and Zipkin.
 * Called from its batch processor's worker only, so one body buffer serves every batch.
 */
public final class HttpSpanExporter implements SpanExporter {
  /** Looks at a successful response, e.g. for an OTLP partial success. */
  public interface ResponseHandler {
    void onSuccess(HttpSender.Result result, int spanCount);
  }

  private final String name;
  private final SpanEncoder encoder;
  private final HttpSender sender;
  private final ResponseHandler responseHandler;
  // reused by every batch: the retry queue keeps spans, not bodies, so nothing holds these bytes past a send
  private final ExportBuffer body = new ExportBuffer();

  public HttpSpanExporter(String name, SpanEncoder encoder, HttpSender sender, ResponseHandler responseHandler) {
    this.name = name;
    this.encoder = encoder;
    this.sender = sender;
    this.responseHandler = responseHandler;
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    if (spans.isEmpty()) {
      return ExportResult.SUCCESS;
    }
    // encoding is deterministic: a retried batch goes out with the same bytes
    body.reset();
    encoder.encode(spans, body);
    HttpSender.Result result = sender.send(body.array(), body.size(), encoder.contentType());
    if (result.success) {
      if (responseHandler != null) {
        responseHandler.onSuccess(result, spans.size());
      }
      return ExportResult.SUCCESS;
    }
    return result.retryable ? ExportResult.retryable(result.retryAfterMillis) : ExportResult.FAILURE;
  }

  @Override
  public void shutdown() {
    sender.shutdown();
  }

  @Override
  public String name() {
    return name;
  }

  public SpanEncoder encoder() {
    return encoder;
  }

  public HttpSender sender() {
    return sender;
  }

  @Override
  public String toString() {
    return name + " -> " + sender.settings().displayUrl();
  }
}
