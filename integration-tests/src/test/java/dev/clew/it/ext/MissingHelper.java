package dev.clew.it.ext;

/** Left out of the extension jar on purpose. */
public final class MissingHelper {
  private MissingHelper() {}

  public static Object touch() {
    return "linked";
  }
}
