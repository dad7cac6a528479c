package dev.clew.core.trace;

/** The role of a span in a trace, as in OpenTelemetry; the ordinal order matches OTLP's numbering minus one. */
public enum SpanKind {
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER
}
