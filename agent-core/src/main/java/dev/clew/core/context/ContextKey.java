package dev.clew.core.context;

/** A key for a value carried in a {@link Context}; compared by identity. */
public final class ContextKey<T> {
  private final String name;

  private ContextKey(String name) {
    this.name = name;
  }

  public static <T> ContextKey<T> named(String name) {
    return new ContextKey<>(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
