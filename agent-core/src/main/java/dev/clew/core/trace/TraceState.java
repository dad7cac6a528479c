package dev.clew.core.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * W3C {@code tracestate}: an ordered list of vendor entries, immutable. Parsing and validation of the
 * header lives in the trace-context propagator; this class only holds entries that are already valid.
 */
public final class TraceState {
  public static final TraceState EMPTY = new TraceState(Collections.<String>emptyList());
  public static final int MAX_ENTRIES = 32;

  private final List<String> keysAndValues; // k0, v0, k1, v1 ...
  private String header;

  private TraceState(List<String> keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** Builds from alternating keys and values, assumed valid and free of duplicates. */
  public static TraceState ofValidated(List<String> keysAndValues) {
    if (keysAndValues.isEmpty()) {
      return EMPTY;
    }
    return new TraceState(Collections.unmodifiableList(new ArrayList<>(keysAndValues)));
  }

  public boolean isEmpty() {
    return keysAndValues.isEmpty();
  }

  public int size() {
    return keysAndValues.size() / 2;
  }

  public String key(int i) {
    return keysAndValues.get(2 * i);
  }

  public String value(int i) {
    return keysAndValues.get(2 * i + 1);
  }

  public String get(String key) {
    for (int i = 0; i < keysAndValues.size(); i += 2) {
      if (keysAndValues.get(i).equals(key)) {
        return keysAndValues.get(i + 1);
      }
    }
    return null;
  }

  /** A copy with {@code key} moved (or added) to the front with {@code value}; the oldest entry drops past 32. */
  public TraceState withFirst(String key, String value) {
    List<String> kv = new ArrayList<>(keysAndValues.size() + 2);
    kv.add(key);
    kv.add(value);
    for (int i = 0; i < keysAndValues.size(); i += 2) {
      if (!keysAndValues.get(i).equals(key) && kv.size() < 2 * MAX_ENTRIES) {
        kv.add(keysAndValues.get(i));
        kv.add(keysAndValues.get(i + 1));
      }
    }
    return new TraceState(Collections.unmodifiableList(kv));
  }

  /** The {@code tracestate} header value, e.g. {@code a=1,b=2}; empty when there are no entries. */
  public String toHeader() {
    String h = header;
    if (h == null) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < keysAndValues.size(); i += 2) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(keysAndValues.get(i)).append('=').append(keysAndValues.get(i + 1));
      }
      header = h = sb.toString();
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceState && ((TraceState) o).keysAndValues.equals(keysAndValues);
  }

  @Override
  public int hashCode() {
    return keysAndValues.hashCode();
  }

  @Override
  public String toString() {
    return toHeader();
  }
}
