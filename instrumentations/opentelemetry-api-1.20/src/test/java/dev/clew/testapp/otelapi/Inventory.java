package dev.clew.testapp.otelapi;

/** Application code that clew traces by configuration (clew.trace.methods in the module pom): clew's own spans. */
public class Inventory {
  /** Reserves stock; runs {@code inside} within clew's span of this call. */
  public void reserve(Runnable inside) {
    inside.run();
  }

  public int count() {
    return 3;
  }
}
