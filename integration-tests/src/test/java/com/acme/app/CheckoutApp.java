package com.acme.app;

/**
 * Checks out orders: each checkout reserves stock and tries to charge a card, which fails and is
 * handled. Traced through clew.trace.methods, that is three spans per order. Prints {@code done N}
 * when all work is finished, then returns from main (the JVM exits through the shutdown hooks).
 */
public final class CheckoutApp {
  public static void main(String[] args) {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Shop shop = new Shop();
    long start = System.nanoTime();
    int declined = 0;
    for (int i = 0; i < orders; i++) {
      if (!shop.checkout("order-" + i)) {
        declined++;
      }
    }
    System.out.println("done " + orders + " declined " + declined + " in "
        + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  public static final class Shop {
    public boolean checkout(String id) {
      reserve(id);
      try {
        charge(id);
        return true;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    public void reserve(String id) {
      if (id.isEmpty()) {
        throw new IllegalArgumentException("no id");
      }
    }

    public void charge(String id) {
      throw new IllegalStateException("card declined for " + id);
    }
  }
}
