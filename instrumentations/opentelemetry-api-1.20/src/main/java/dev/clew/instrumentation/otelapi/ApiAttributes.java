package dev.clew.instrumentation.otelapi;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;

/** The API's typed attributes as clew's: scalars as they are, lists as typed arrays. */
final class ApiAttributes {
  private ApiAttributes() {}

  /** Null for none (clew then allocates nothing). */
  static dev.clew.core.trace.Attributes toClew(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    dev.clew.core.trace.Attributes out = dev.clew.core.trace.Attributes.unlimited(); // the span applies its limits
    attributes.forEach((key, value) -> out.put(key.getKey(), value(key, value)));
    return out;
  }

  /** A value clew's attributes keep typed; null for a value of no supported type. */
  static Object value(AttributeKey<?> key, Object value) {
    if (!(value instanceof List)) {
      return value; // String, Long, Double, Boolean
    }
    List<?> list = (List<?>) value;
    switch (key.getType().name()) {
      case "LONG_ARRAY": {
        long[] a = new long[list.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = list.get(i) instanceof Number ? ((Number) list.get(i)).longValue() : 0;
        }
        return a;
      }
      case "DOUBLE_ARRAY": {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = list.get(i) instanceof Number ? ((Number) list.get(i)).doubleValue() : 0;
        }
        return a;
      }
      case "BOOLEAN_ARRAY": {
        boolean[] a = new boolean[list.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = Boolean.TRUE.equals(list.get(i));
        }
        return a;
      }
      default: { // STRING_ARRAY
        String[] a = new String[list.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = list.get(i) == null ? null : String.valueOf(list.get(i));
        }
        return a;
      }
    }
  }
}
