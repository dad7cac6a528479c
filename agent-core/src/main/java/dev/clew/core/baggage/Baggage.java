package dev.clew.core.baggage;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.context.ContextValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * W3C baggage: user-defined name/value pairs (each with optional metadata, the raw {@code ;property}
 * list) that travel with a request across services. Immutable and ordered; carried in the
 * {@link Context} under {@link #KEY}. Names are HTTP tokens, values any string (percent-encoded on
 * the wire). Read by index ({@link #size()}, {@link #key(int)}...) so reading allocates nothing.
 */
public final class Baggage implements ContextValue {
  public static final ContextKey<Baggage> KEY = ContextKey.named("clew.baggage");
  private static final String[] NONE = new String[0];
  private static final Baggage EMPTY = new Baggage(NONE);

  private final String[] entries; // key0, value0, metadata0, key1 ...

  private Baggage(String[] entries) {
    this.entries = entries;
  }

  public static Baggage empty() {
    return EMPTY;
  }

  /** The baggage of a context; empty when it has none. */
  public static Baggage fromContext(Context context) {
    Baggage b = context.get(KEY);
    return b == null ? EMPTY : b;
  }

  public static Baggage current() {
    return fromContext(Context.current());
  }

  /** A context carrying this baggage (the same context when it already does). */
  @Override
  public Context storeIn(Context context) {
    return context.with(KEY, this);
  }

  public int size() {
    return entries.length / 3;
  }

  public boolean isEmpty() {
    return entries.length == 0;
  }

  public String key(int i) {
    return entries[3 * i];
  }

  public String value(int i) {
    return entries[3 * i + 1];
  }

  /** The raw properties after the value, e.g. {@code prop1;k=v}; empty when none. */
  public String metadata(int i) {
    return entries[3 * i + 2];
  }

  /** The value of {@code key}, or null. */
  public String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : entries[i + 1];
  }

  private int indexOf(String key) {
    for (int i = 0; i < entries.length; i += 3) {
      if (entries[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy with {@code key} set (replacing its value in place, or added last). */
  public Baggage with(String key, String value, String metadata) {
    if (key == null || value == null) {
      return this;
    }
    String m = metadata == null ? "" : metadata;
    int i = indexOf(key);
    String[] copy;
    if (i >= 0) {
      copy = entries.clone();
    } else {
      i = entries.length;
      copy = Arrays.copyOf(entries, entries.length + 3);
      copy[i] = key;
    }
    copy[i + 1] = value;
    copy[i + 2] = m;
    return new Baggage(copy);
  }

  public Baggage with(String key, String value) {
    return with(key, value, "");
  }

  public Baggage without(String key) {
    int i = indexOf(key);
    if (i < 0) {
      return this;
    }
    String[] copy = new String[entries.length - 3];
    System.arraycopy(entries, 0, copy, 0, i);
    System.arraycopy(entries, i + 3, copy, i, entries.length - i - 3);
    return copy.length == 0 ? EMPTY : new Baggage(copy);
  }

  /** This baggage with every entry of {@code other} set on top (other's values win). */
  public Baggage merge(Baggage other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Builder b = toBuilder();
    for (int i = 0; i < other.size(); i++) {
      b.put(other.key(i), other.value(i), other.metadata(i));
    }
    return b.build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.list.addAll(Arrays.asList(entries));
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects entries, e.g. while parsing a header; later puts of a key replace its value in place. */
  public static final class Builder {
    private final List<String> list = new ArrayList<>();

    public Builder put(String key, String value, String metadata) {
      for (int i = 0; i < list.size(); i += 3) {
        if (list.get(i).equals(key)) {
          list.set(i + 1, value);
          list.set(i + 2, metadata == null ? "" : metadata);
          return this;
        }
      }
      list.add(key);
      list.add(value);
      list.add(metadata == null ? "" : metadata);
      return this;
    }

    public int size() {
      return list.size() / 3;
    }

    public Baggage build() {
      return list.isEmpty() ? EMPTY : new Baggage(list.toArray(NONE));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Baggage && Arrays.equals(((Baggage) o).entries, entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entries);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Baggage{");
    for (int i = 0; i < entries.length; i += 3) {
      sb.append(i == 0 ? "" : ", ").append(entries[i]).append('=').append(entries[i + 1]);
      if (!entries[i + 2].isEmpty()) {
        sb.append(';').append(entries[i + 2]);
      }
    }
    return sb.append('}').toString();
  }
}
