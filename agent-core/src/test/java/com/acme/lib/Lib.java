package com.acme.lib;

/** A "library" type that a child-first class loader of the test defines again, as a web application would. */
public final class Lib {
  public String name() {
    return "lib";
  }
}
