package dev.clew.core.propagation;

/** Reads headers (or record headers, or any string map) from a carrier. */
public interface TextMapGetter<C> {
  /** All keys of the carrier; used by propagators with key prefixes (baggage {@code uberctx-*}). */
  Iterable<String> keys(C carrier);

  /** The value of {@code key} (case-insensitive for HTTP), or null; the first one if several. */
  String get(C carrier, String key);

  /**
   * Every value of {@code key}, for headers that may repeat (W3C {@code tracestate} is combined,
   * several {@code traceparent} values are invalid). Defaults to {@link #get} as a single value.
   */
  default java.util.Iterator<String> getAll(C carrier, String key) {
    String v = get(carrier, key);
    return v == null
        ? java.util.Collections.<String>emptyIterator()
        : java.util.Collections.singletonList(v).iterator();
  }
}
