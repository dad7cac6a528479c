package dev.clew.testapp.methods;

/** Application code whose methods the tests trace through clew.trace.methods (see the module pom). */
public class Orders {
  public int place(int quantity) {
    return validate(quantity) * 2;
  }

  public int validate(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    return quantity;
  }

  /** Not listed in clew.trace.methods: no span. */
  public int untraced(int quantity) {
    return quantity;
  }
}
