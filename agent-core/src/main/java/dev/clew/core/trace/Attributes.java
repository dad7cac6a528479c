package dev.clew.core.trace;

import java.util.Arrays;
import java.util.List;

/**
 * Typed key/value pairs of a span, event, link or resource. Values are {@code String}, {@code Boolean},
 * {@code Long}, {@code Double} or an array of one of these ({@code String[]}, {@code boolean[]},
 * {@code long[]}, {@code double[]}). Keys are unique (a second put replaces); past the count limit a new
 * key is dropped and counted; strings longer than the length limit are truncated. Iterate by index
 * ({@link #size()}, {@link #key(int)}, {@link #value(int)}) so reading allocates nothing.
 * Not thread-safe: the owning span guards it.
 */
public final class Attributes {
  private static final String[] NO_KEYS = new String[0];
  private static final Object[] NO_VALUES = new Object[0];

  private String[] keys;
  private Object[] values;
  private int size;
  private int dropped;
  private final int maxCount;
  private final int maxValueLength;

  public Attributes(int maxCount, int maxValueLength) {
    this.maxCount = maxCount;
    this.maxValueLength = maxValueLength;
    this.keys = NO_KEYS;
    this.values = NO_VALUES;
  }

  /** Attributes without limits, for resources and tests. */
  public static Attributes unlimited() {
    return new Attributes(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  public static Attributes of(Object... keysAndValues) {
    Attributes a = unlimited();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      a.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return a;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public String key(int i) {
    return keys[i];
  }

  public Object value(int i) {
    return values[i];
  }

  /** How many puts were dropped by the count limit. */
  public int droppedCount() {
    return dropped;
  }

  public Object get(String key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  public Attributes put(String key, String value) {
    if (value == null) {
      return this;
    }
    return store(key, truncate(value));
  }

  public Attributes put(String key, long value) {
    return store(key, value);
  }

  public Attributes put(String key, double value) {
    return store(key, value);
  }

  public Attributes put(String key, boolean value) {
    return store(key, value);
  }

  /** Puts any supported value, converting boxed numbers, characters and lists; null is ignored. */
  public Attributes put(String key, Object value) {
    Object v = normalize(value);
    return v == null ? this : store(key, v);
  }

  public void putAll(Attributes other) {
    for (int i = 0; i < other.size; i++) {
      store(other.keys[i], normalize(other.values[i]));
    }
  }

  private Attributes store(String key, Object value) {
    if (key == null || key.isEmpty()) {
      return this;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        values[i] = value;
        return this;
      }
    }
    if (size >= maxCount) {
      dropped++;
      return this;
    }
    if (size == keys.length) {
      int n = size == 0 ? 8 : size * 2;
      keys = Arrays.copyOf(keys, n);
      values = Arrays.copyOf(values, n);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    return this;
  }

  private String truncate(String s) {
    return s.length() > maxValueLength ? s.substring(0, maxValueLength) : s;
  }

  private Object normalize(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String) {
      return truncate((String) v);
    }
    if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    if (v instanceof String[]) {
      String[] a = ((String[]) v).clone();
      for (int i = 0; i < a.length; i++) {
        if (a[i] != null) {
          a[i] = truncate(a[i]);
        }
      }
      return a;
    }
    if (v instanceof long[]) {
      return ((long[]) v).clone();
    }
    if (v instanceof double[]) {
      return ((double[]) v).clone();
    }
    if (v instanceof boolean[]) {
      return ((boolean[]) v).clone();
    }
    if (v instanceof int[]) {
      int[] a = (int[]) v;
      long[] l = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        l[i] = a[i];
      }
      return l;
    }
    if (v instanceof List) {
      List<?> list = (List<?>) v;
      String[] a = new String[list.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = list.get(i) == null ? null : truncate(String.valueOf(list.get(i)));
      }
      return a;
    }
    return truncate(String.valueOf(v));
  }

  /** The value rendered as text: arrays as {@code [a, b]}; used by console and Zipkin output. */
  public static String valueToString(Object v) {
    if (v instanceof String[]) {
      return Arrays.toString((String[]) v);
    }
    if (v instanceof long[]) {
      return Arrays.toString((long[]) v);
    }
    if (v instanceof double[]) {
      return Arrays.toString((double[]) v);
    }
    if (v instanceof boolean[]) {
      return Arrays.toString((boolean[]) v);
    }
    return String.valueOf(v);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(keys[i]).append('=').append(valueToString(values[i]));
    }
    return sb.append('}').toString();
  }
}
