package dev.clew.instrumentation.httpurlconnection;

import dev.clew.core.instrument.http.HttpClientAdapter;
import dev.clew.core.instrument.http.HttpClientAttributes;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Reads a connection for the HTTP client conventions. The connection is both request and response;
 * the response is only read while the tracer's depth is held, so these reads are not traced.
 */
final class HttpUrlConnectionAttributes implements HttpClientAdapter<HttpURLConnection, HttpURLConnection> {
  static final HttpUrlConnectionAttributes INSTANCE = new HttpUrlConnectionAttributes();

  @Override
  public String method(HttpURLConnection c) {
    return c.getRequestMethod();
  }

  @Override
  public String url(HttpURLConnection c) {
    return c.getURL().toString();
  }

  @Override
  public String serverAddress(HttpURLConnection c) {
    return c.getURL().getHost();
  }

  @Override
  public int serverPort(HttpURLConnection c) {
    URL url = c.getURL();
    return HttpClientAttributes.portOrDefault(url.getPort(), url.getProtocol());
  }

  @Override
  public int statusCode(HttpURLConnection c) {
    try {
      return c.getResponseCode();
    } catch (IOException | RuntimeException e) {
      return -1; // the failure itself is recorded from the application's call
    }
  }

  @Override
  public String protocolVersion(HttpURLConnection request, HttpURLConnection c) {
    String statusLine = c.getHeaderField(0);
    if (statusLine != null && statusLine.startsWith("HTTP/1.0")) {
      return "1.0";
    }
    return statusLine == null ? null : "1.1";
  }
}
