package com.example.shop;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a few requests to the shop and exits. Some carry a {@code traceparent} header as if an upstream
 * gateway had started the trace: their server spans then have a parent that is not in the demo's files.
 */
public final class Driver {
  private Driver() {}

  public static void main(String[] args) throws Exception {
    String shop = args[0];
    call("GET", shop + "/products/", null);
    call("GET", shop + "/products/2", null);
    call("POST", shop + "/checkout?product=2&quantity=1", upstreamTraceparent());
    call("POST", shop + "/checkout?product=3&quantity=1", null);
    call("GET", shop + "/recommendations", upstreamTraceparent());
  }

  private static String upstreamTraceparent() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format(Locale.ROOT, "00-%016x%016x-%016x-01", r.nextLong(), r.nextLong() | 1, r.nextLong() | 1);
  }

  private static void call(String method, String url, String traceparent) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(5000);
    c.setReadTimeout(10000);
    if (traceparent != null) {
      c.setRequestProperty("traceparent", traceparent);
    }
    int status = c.getResponseCode();
    InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream();
    if (body != null) {
      body.readAllBytes();
      body.close();
    }
    System.out.println(method + " " + URI.create(url).getPath() + (URI.create(url).getQuery() == null ? ""
        : "?" + URI.create(url).getQuery()) + " -> " + status
        + (traceparent == null ? "" : "   (traceparent " + traceparent + ")"));
  }
}
