package dev.clew.instrumentation.grpc;

import dev.clew.core.instrument.http.CapturedHeaders;
import dev.clew.core.propagation.TextMapGetter;
import dev.clew.core.propagation.TextMapSetter;
import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes propagation fields in gRPC {@code Metadata} as ASCII text entries. Writing replaces
 * earlier values of the key; reading takes the last one, like grpc's own {@code Metadata.get}. Binary
 * ({@code -bin}) keys and names gRPC refuses are skipped, never thrown on.
 */
final class GrpcMetadata implements TextMapGetter<Metadata>, TextMapSetter<Metadata>, CapturedHeaders.Reader<Metadata> {
  static final GrpcMetadata INSTANCE = new GrpcMetadata();
  /** Keys by name: the propagators ask for the same few names on every call. Bounded: names may come from baggage. */
  private static final ConcurrentHashMap<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_KEYS = 256;

  private GrpcMetadata() {}

  /** The ASCII key named {@code name}, or null for a binary or invalid name. */
  static Metadata.Key<String> key(String name) {
    Metadata.Key<String> key = KEYS.get(name);
    if (key != null) {
      return key;
    }
    if (name.length() > 4 && name.regionMatches(true, name.length() - 4, Metadata.BINARY_HEADER_SUFFIX, 0, 4)) {
      return null;
    }
    try {
      key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    } catch (IllegalArgumentException invalid) {
      return null;
    }
    if (KEYS.size() < MAX_CACHED_KEYS) {
      KEYS.putIfAbsent(name, key);
    }
    return key;
  }

  @Override
  public void set(Metadata metadata, String name, String value) {
    Metadata.Key<String> key = key(name);
    if (key == null || value == null) {
      return;
    }
    metadata.removeAll(key);
    metadata.put(key, value);
  }

  @Override
  public Iterable<String> keys(Metadata metadata) {
    return metadata.keys();
  }

  @Override
  public String get(Metadata metadata, String name) {
    Metadata.Key<String> key = key(name);
    return key == null ? null : metadata.get(key);
  }

  @Override
  public Iterator<String> getAll(Metadata metadata, String name) {
    Metadata.Key<String> key = key(name);
    Iterable<String> values = key == null ? null : metadata.getAll(key);
    return values == null ? Collections.<String>emptyIterator() : values.iterator();
  }

  @Override
  public List<String> values(Metadata metadata, String name) {
    Iterator<String> values = getAll(metadata, name);
    if (!values.hasNext()) {
      return null;
    }
    List<String> list = new ArrayList<>(2);
    while (values.hasNext()) {
      list.add(values.next());
    }
    return list;
  }
}
