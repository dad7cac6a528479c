package dev.clew.core.context;

/** Restores the previous current context when closed. Close on the same thread, in reverse order of opening. */
public interface Scope extends AutoCloseable {
  Scope NOOP = () -> {};

  @Override
  void close();
}
