package dev.clew.instrumentation.jdbc;

/** Java functions H2 calls as stored procedures ({@code CREATE ALIAS}). */
public final class JdbcFunctions {
  private JdbcFunctions() {}

  public static int addOne(int value) {
    return value + 1;
  }
}
