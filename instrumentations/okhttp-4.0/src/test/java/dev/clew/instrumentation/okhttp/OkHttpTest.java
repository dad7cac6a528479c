package dev.clew.instrumentation.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.testing.http.HttpClientTestSuite;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class OkHttpTest extends HttpClientTestSuite {
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(READ_TIMEOUT)
      .sslSocketFactory(trustAllSslContext().getSocketFactory(), trustAllManager())
      .hostnameVerifier((host, session) -> true).build();

  @Override
  protected String scopeName() {
    return "clew.okhttp";
  }

  private static Request request(String method, URI uri, Map<String, String> headers) {
    Request.Builder b = new Request.Builder().url(uri.toString()).method(method, null);
    headers.forEach(b::header);
    return b.build();
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception {
    Call call = CLIENT.newCall(request(method, uri, headers));
    if (!async) {
      try (Response response = call.execute()) {
        return response.code();
      }
    }
    CompletableFuture<Integer> result = new CompletableFuture<>();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (Response r = response) {
          result.complete(r.code());
        }
      }
    });
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void aCallMadeInsideAnotherCallsInterceptorCreatesNoSecondSpan() throws Exception {
    OkHttpClient nesting = CLIENT.newBuilder().addInterceptor(chain -> {
      try (Response inner = CLIENT.newCall(request("GET", http("/ok"), Map.of())).execute()) {
        assertEquals(200, inner.code());
      }
      return chain.proceed(chain.request());
    }).build();
    try (Response response = nesting.newCall(request("GET", http("/redirect"), Map.of())).execute()) {
      assertEquals(200, response.code());
    }
    assertTraceparentNames(onlyClientSpan(), onlyRequest("/redirect"));
  }

  @Test
  void aClientDerivedFromAnotherHasTheInterceptorOnce() throws Exception {
    OkHttpClient derived = CLIENT.newBuilder().build();
    assertEquals(1, derived.interceptors().stream()
        .filter(i -> i.getClass().getSimpleName().equals("TracingInterceptor")).count());
    try (Response response = derived.newCall(request("GET", http("/ok"), Map.of())).execute()) {
      assertEquals(200, response.code());
    }
    assertTraceparentNames(onlyClientSpan(), onlyRequest("/ok"));
  }
}
