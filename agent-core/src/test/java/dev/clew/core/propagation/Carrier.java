package dev.clew.core.propagation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP-like headers for tests: names case-insensitive, a name may repeat. */
final class Carrier {
  static final TextMapGetter<Carrier> GETTER = new TextMapGetter<Carrier>() {
    @Override
    public Iterable<String> keys(Carrier c) {
      List<String> names = new ArrayList<>();
      for (List<String> e : c.headers.values()) {
        names.add(e.get(0));
      }
      return names;
    }

    @Override
    public String get(Carrier c, String key) {
      List<String> v = c.headers.get(key.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(1);
    }

    @Override
    public Iterator<String> getAll(Carrier c, String key) {
      List<String> v = c.headers.get(key.toLowerCase(Locale.ROOT));
      return v == null ? new ArrayList<String>().iterator() : v.subList(1, v.size()).iterator();
    }
  };
  static final TextMapSetter<Carrier> SETTER = (c, k, v) -> c.set(k, v);

  // lower-case name -> [name as given, value1, value2 ...]
  private final Map<String, List<String>> headers = new LinkedHashMap<>();

  static Carrier of(String... namesAndValues) {
    Carrier c = new Carrier();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      c.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return c;
  }

  Carrier add(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> {
      List<String> l = new ArrayList<>();
      l.add(name);
      return l;
    }).add(value);
    return this;
  }

  void set(String name, String value) {
    headers.remove(name.toLowerCase(Locale.ROOT));
    add(name, value);
  }

  String get(String name) {
    return GETTER.get(this, name);
  }

  int size() {
    return headers.size();
  }

  @Override
  public String toString() {
    return headers.values().toString();
  }
}
