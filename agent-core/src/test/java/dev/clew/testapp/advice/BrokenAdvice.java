package dev.clew.testapp.advice;

/** Advice whose static initializer fails: its call site must be disabled, not the application broken. */
public final class BrokenAdvice {
  static {
    if (Boolean.TRUE) {
      throw new IllegalStateException("cannot initialise");
    }
  }

  private BrokenAdvice() {}

  public static ClassLoader definedBy(Object ignored) {
    return null;
  }
}
