package dev.clew.core.export;

import dev.clew.core.trace.SpanData;
import java.util.Collection;

/**
 * Sends finished spans somewhere. Called from one export thread at a time (never the application's),
 * so an implementation may block up to its own timeout, but must not throw.
 */
public interface SpanExporter {
  /**
   * One attempt at delivering the batch. {@link ExportResult#SUCCESS}: delivered (or deliberately discarded);
   * {@link ExportResult#FAILURE}: counted as failed; a retryable result: the caller may try the same batch later.
   */
  ExportResult export(Collection<SpanData> spans);

  /** Releases resources; called once, at shutdown. */
  default void shutdown() {}

  /** Short name for logs, e.g. {@code otlp}. */
  String name();
}
