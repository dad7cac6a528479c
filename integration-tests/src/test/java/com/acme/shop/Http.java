package com.acme.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP GETs with the JDK's two clients, as applications write them. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Http() {}

  /** A GET with HttpURLConnection (a bootstrap class) and the application's own headers; returns status:body. */
  public static String get(String url, String... headers) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      for (int i = 0; i < headers.length; i += 2) {
        c.setRequestProperty(headers[i], headers[i + 1]);
      }
      try (InputStream in = c.getInputStream()) {
        return c.getResponseCode() + ":" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET with java.net.http.HttpClient and the application's own headers; returns status:body. */
  public static String send(String url, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() + ":" + r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
