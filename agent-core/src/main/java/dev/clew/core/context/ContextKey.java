package dev.clew.core.context;

/**
 * A key for a value carried in a {@link Context}; compared by identity. The package that owns a value owns
 * its key (the span's key belongs to {@code trace}, baggage's to {@code baggage}), so the context knows
 * none of the types it carries.
 */
public final class ContextKey<T> {
  private final String name;
  private final boolean primary;

  private ContextKey(String name, boolean primary) {
    this.name = name;
    this.primary = primary;
  }

  public static <T> ContextKey<T> named(String name) {
    return new ContextKey<>(name, false);
  }

  /**
   * A key whose value a context keeps in a field of its own rather than in its list of entries, so reading
   * it is one comparison: for the value read on nearly every context access (the span). If a context
   * already holds another primary key's value, this one is kept as an ordinary entry (still correct, only
   * slower to read).
   */
  public static <T> ContextKey<T> primary(String name) {
    return new ContextKey<>(name, true);
  }

  boolean isPrimary() {
    return primary;
  }

  @Override
  public String toString() {
    return name;
  }
}
