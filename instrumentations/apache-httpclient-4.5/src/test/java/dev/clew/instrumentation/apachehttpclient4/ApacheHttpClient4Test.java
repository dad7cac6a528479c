package dev.clew.instrumentation.apachehttpclient4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.testing.http.HttpClientTestSuite;
import java.net.URI;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ApacheHttpClient4Test extends HttpClientTestSuite {
  private static final RequestConfig CONFIG = RequestConfig.custom()
      .setSocketTimeout((int) READ_TIMEOUT.toMillis()).setConnectTimeout(5000).build();
  private static final CloseableHttpClient CLIENT = HttpClients.custom().setDefaultRequestConfig(CONFIG)
      .setSSLContext(trustAllSslContext()).setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();

  @AfterAll
  static void close() throws Exception {
    CLIENT.close();
  }

  @Override
  protected String scopeName() {
    return "clew.apache-httpclient-4";
  }

  @Override
  protected boolean hasAsync() {
    return false;
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception {
    RequestBuilder b = RequestBuilder.create(method).setUri(uri);
    headers.forEach(b::addHeader);
    return CLIENT.execute(b.build(), response -> response.getStatusLine().getStatusCode());
  }

  @Test
  void aCallMadeInsideAnotherCallCreatesNoSecondSpan() throws Exception {
    try (CloseableHttpClient nesting = HttpClients.custom().setDefaultRequestConfig(CONFIG)
        .addInterceptorFirst((org.apache.http.HttpRequestInterceptor) (request, context) ->
            assertEquals(200, (int) CLIENT.execute(new HttpGet(http("/ok")),
                response -> response.getStatusLine().getStatusCode())))
        .build()) {
      assertEquals(200, (int) nesting.execute(new HttpGet(http("/redirect")),
          response -> response.getStatusLine().getStatusCode()));
    }
    assertTraceparentNames(onlyClientSpan(), onlyRequest("/redirect"));
  }
}
