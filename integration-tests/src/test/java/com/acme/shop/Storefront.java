package com.acme.shop;

/**
 * Service A: one checkout that calls service B ({@code args[1]}) with the client named by {@code args[0]}
 * ({@code jdk} or {@code url}); {@code args[2]}, when given, is a {@code baggage} header the application sets
 * itself on that request.
 */
public final class Storefront {
  public static void main(String[] args) {
    String[] headers = args.length > 2 ? new String[] {"baggage", args[2]} : new String[0];
    System.out.println("response " + new Checkout().run(args[0], args[1], headers));
  }

  public static final class Checkout {
    /** Traced by configuration ({@code clew.trace.methods}); the HTTP client span nests under it. */
    public String run(String client, String url, String... headers) {
      return "url".equals(client) ? Http.get(url, headers) : Http.send(url, headers);
    }
  }
}
