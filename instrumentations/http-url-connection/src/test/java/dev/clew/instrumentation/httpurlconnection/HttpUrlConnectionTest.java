package dev.clew.instrumentation.httpurlconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clew.testing.AgentSpans;
import dev.clew.testing.http.HttpClientTestSuite;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpUrlConnectionTest extends HttpClientTestSuite {
  private static final SSLContext TRUST_ALL = trustAllSslContext();

  @Override
  protected String scopeName() {
    return "clew.http-url-connection";
  }

  @Override
  protected boolean hasAsync() {
    return false;
  }

  @Override
  protected boolean hasCustomMethods() {
    return false;
  }

  private static HttpURLConnection open(URI uri) throws Exception {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    if (c instanceof HttpsURLConnection) {
      ((HttpsURLConnection) c).setSSLSocketFactory(TRUST_ALL.getSocketFactory());
      ((HttpsURLConnection) c).setHostnameVerifier((host, session) -> true);
    }
    c.setConnectTimeout(5000);
    c.setReadTimeout((int) READ_TIMEOUT.toMillis());
    return c;
  }

  /** Reads only the status: the body is never read, the span must still end. */
  @Override
  protected int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception {
    HttpURLConnection c = open(uri);
    c.setRequestMethod(method);
    headers.forEach(c::setRequestProperty);
    return c.getResponseCode();
  }

  @Test
  void connectWriteThenReadIsOneSpanEndedByTheResponse() throws Exception {
    HttpURLConnection c = open(http("/ok"));
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.connect();
    try (OutputStream out = c.getOutputStream()) {
      out.write("body".getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = c.getInputStream()) {
      assertEquals("ok", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(200, c.getResponseCode());
    Span span = onlyClientSpan();
    assertEquals("POST", span.getName());
    assertEquals(200L, AgentSpans.attribute(span, "http.response.status_code"));
    assertTraceparentNames(span, onlyRequest("/ok"));
  }

  @Test
  void notFoundFromGetInputStreamIsTheResponseNotAnException() throws Exception {
    HttpURLConnection c = open(http("/missing"));
    assertThrows(FileNotFoundException.class, c::getInputStream);
    Span span = onlyClientSpan();
    assertEquals(404L, AgentSpans.attribute(span, "http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
    assertEquals(0, span.getEventsCount());
    assertEquals(404, c.getResponseCode()); // later calls on the connection start nothing new
    assertEquals(1, AgentSpans.drain().size());
  }
}
