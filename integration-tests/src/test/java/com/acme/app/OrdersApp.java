package com.acme.app;

/** Nested traced calls and a failing one; the exception must reach main unchanged. */
public final class OrdersApp {
  public static void main(String[] args) {
    OrderService service = new OrderService();
    System.out.println("placed " + service.place("book"));
    IllegalStateException original = null;
    try {
      service.cancel("missing");
    } catch (IllegalStateException e) {
      original = e;
    }
    System.out.println("caught " + (original == null ? "nothing" : original.getClass().getName() + ": "
        + original.getMessage() + " from " + original.getStackTrace()[0].getMethodName()));
  }

  public static final class OrderService {
    private final Repository repository = new Repository();

    public String place(String item) {
      return repository.save(item);
    }

    public void cancel(String id) {
      repository.delete(id);
    }
  }

  public static final class Repository {
    public String save(String item) {
      return "order-" + item;
    }

    public void delete(String id) {
      throw new IllegalStateException("no order " + id);
    }
  }
}
