package dev.clew.instrumentation.apachehttpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.testing.http.HttpClientTestSuite;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ApacheHttpClient5Test extends HttpClientTestSuite {
  private static final RequestConfig CONFIG = RequestConfig.custom()
      .setResponseTimeout(Timeout.of(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).build();
  private static final TlsSocketStrategy TLS = ClientTlsStrategyBuilder.create()
      .setSslContext(trustAllSslContext()).setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
      .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).buildClassic();
  private static final CloseableHttpClient CLIENT = HttpClients.custom().setDefaultRequestConfig(CONFIG)
      .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setTlsSocketStrategy(TLS).build())
      .build();
  private static final CloseableHttpAsyncClient ASYNC = HttpAsyncClients.custom().setDefaultRequestConfig(CONFIG)
      .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
          .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(trustAllSslContext())
              .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
              .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).buildAsync())
          .build())
      .build();

  static {
    ASYNC.start();
  }

  @AfterAll
  static void close() throws Exception {
    CLIENT.close();
    ASYNC.close();
  }

  @Override
  protected String scopeName() {
    return "clew.apache-httpclient-5";
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception {
    if (!async) {
      ClassicRequestBuilder b = ClassicRequestBuilder.create(method).setUri(uri);
      headers.forEach(b::addHeader);
      return CLIENT.execute(b.build(), response -> response.getCode());
    }
    SimpleRequestBuilder b = SimpleRequestBuilder.create(method).setUri(uri);
    headers.forEach(b::addHeader);
    SimpleHttpRequest request = b.build();
    try {
      return ASYNC.execute(request, null).get().getCode();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void aCallMadeInsideAnotherCallCreatesNoSecondSpan() throws Exception {
    try (CloseableHttpClient nesting = HttpClients.custom().setDefaultRequestConfig(CONFIG)
        .addRequestInterceptorFirst((request, entity, context) ->
            assertEquals(200, (int) CLIENT.execute(new HttpGet(http("/ok")), response -> response.getCode())))
        .build()) {
      assertEquals(200, (int) nesting.execute(new HttpGet(http("/redirect")),
          response -> response.getCode()));
    }
    assertTraceparentNames(onlyClientSpan(), onlyRequest("/redirect"));
  }
}
