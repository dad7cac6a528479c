package dev.clew.core.export;

import dev.clew.core.trace.SpanData;
import java.util.Collection;

/**
 * Sends finished spans somewhere. Called from one export thread at a time (never the application's),
 * so an implementation may block up to its own timeout, but must not throw.
 */
public interface SpanExporter {
  /** Returns whether the batch was delivered (or deliberately discarded); false counts as failed. */
  boolean export(Collection<SpanData> spans);

  /** Releases resources; called once, at shutdown. */
  default void shutdown() {}

  /** Short name for logs, e.g. {@code otlp}. */
  String name();
}
