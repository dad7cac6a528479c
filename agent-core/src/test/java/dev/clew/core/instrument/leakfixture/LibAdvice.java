package dev.clew.core.instrument.leakfixture;

import com.acme.lib.Lib;

/** Advice that uses a library type directly, as real advice does: loaded next to the library's loader. */
public final class LibAdvice {
  private LibAdvice() {}

  public static String touch(Object lib) {
    return ((Lib) lib).name();
  }
}
