package dev.clew.benchmarks;

/**
 * The spans both tracers build, described once so clew and the OpenTelemetry SDK get the same content: a
 * SERVER span and its CLIENT (database) child, in pairs; every eighth pair failed with an exception event.
 */
final class SpanRecipe {
  static final int BATCH = 512;
  static final String SERVER_NAME = "GET /api/orders/{id}";
  static final String CLIENT_NAME = "SELECT shop.orders";
  static final String STACK = "java.lang.IllegalStateException: connection reset\n"
      + "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:371)\n"
      + "\tat com.acme.orders.OrderRepository.find(OrderRepository.java:42)\n";

  private SpanRecipe() {}

  static boolean failed(int pair) {
    return pair % 8 == 7;
  }

  static String path(int pair) {
    return "/api/orders/" + (1000 + pair);
  }
}
