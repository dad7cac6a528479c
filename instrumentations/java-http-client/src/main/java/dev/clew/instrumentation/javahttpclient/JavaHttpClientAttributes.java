package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.instrument.http.HttpClientAdapter;
import dev.clew.core.instrument.http.HttpClientAttributes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/** Reads {@code java.net.http} requests and responses for the HTTP client conventions. */
final class JavaHttpClientAttributes implements HttpClientAdapter<TracedHttpRequest, HttpResponse<?>> {
  static final JavaHttpClientAttributes INSTANCE = new JavaHttpClientAttributes();

  @Override
  public String method(TracedHttpRequest request) {
    return request.method();
  }

  @Override
  public String url(TracedHttpRequest request) {
    return request.uri().toString();
  }

  @Override
  public String serverAddress(TracedHttpRequest request) {
    return request.uri().getHost();
  }

  @Override
  public int serverPort(TracedHttpRequest request) {
    URI uri = request.uri();
    return HttpClientAttributes.portOrDefault(uri.getPort(), uri.getScheme());
  }

  @Override
  public int statusCode(HttpResponse<?> response) {
    return response.statusCode();
  }

  @Override
  public String protocolVersion(TracedHttpRequest request, HttpResponse<?> response) {
    return response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1";
  }
}
