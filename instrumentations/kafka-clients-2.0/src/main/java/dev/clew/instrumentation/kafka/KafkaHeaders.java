package dev.clew.instrumentation.kafka;

import dev.clew.core.context.Context;
import dev.clew.core.propagation.TextMapGetter;
import dev.clew.core.propagation.TextMapPropagator;
import dev.clew.core.propagation.TextMapSetter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reads and writes propagation fields in Kafka record headers (UTF-8 values; the last header of a key wins,
 * and writing replaces earlier values). Headers Kafka has made read-only (a record sent before) are left
 * alone: they still carry the context of their first send.
 */
final class KafkaHeaders implements TextMapGetter<Headers>, TextMapSetter<Headers> {
  static final KafkaHeaders INSTANCE = new KafkaHeaders();
  private static final Field READ_ONLY = readOnlyField();

  private KafkaHeaders() {}

  static void inject(TextMapPropagator propagator, Context context, Headers headers) {
    if (headers == null || isReadOnly(headers)) {
      return;
    }
    try {
      propagator.inject(context, headers, INSTANCE);
    } catch (IllegalStateException readOnly) {
      // a Headers implementation of its own that refuses writes: the record goes out without our context
    }
  }

  static Context extract(TextMapPropagator propagator, Headers headers) {
    if (headers == null) {
      return Context.root();
    }
    return propagator.extract(Context.root(), headers, INSTANCE);
  }

  @Override
  public void set(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Iterable<String> keys(Headers headers) {
    List<String> keys = new ArrayList<>();
    for (Header h : headers) {
      keys.add(h.key());
    }
    return keys;
  }

  @Override
  public String get(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    byte[] value = h == null ? null : h.value();
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /** {@code RecordHeaders} throws on writes once sent; its flag is private before kafka-clients 4.0. */
  private static boolean isReadOnly(Headers headers) {
    if (READ_ONLY == null || !(headers instanceof RecordHeaders)) {
      return false;
    }
    try {
      return READ_ONLY.getBoolean(headers);
    } catch (IllegalAccessException e) {
      return false;
    }
  }

  private static Field readOnlyField() {
    try {
      Field f = RecordHeaders.class.getDeclaredField("isReadOnly");
      f.setAccessible(true);
      return f;
    } catch (Throwable t) {
      return null;
    }
  }
}
