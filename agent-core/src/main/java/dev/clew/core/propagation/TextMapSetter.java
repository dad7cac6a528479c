package dev.clew.core.propagation;

/** Writes a header into a carrier, replacing a value of the same key. */
public interface TextMapSetter<C> {
  void set(C carrier, String key, String value);
}
