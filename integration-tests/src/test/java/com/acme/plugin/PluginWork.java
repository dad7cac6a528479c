package com.acme.plugin;

/** A plugin class the host loads through its own child-first class loader; traced by configuration. */
public final class PluginWork implements java.util.function.Supplier<String> {
  @Override
  public String get() {
    return step("plugin");
  }

  public String step(String name) {
    return name + " loaded by " + getClass().getClassLoader().getClass().getSimpleName();
  }
}
