package dev.clew.core.trace;

/** Span status; OTLP numbers them 0, 1, 2 in this order. */
public enum StatusCode {
  UNSET,
  OK,
  ERROR
}
