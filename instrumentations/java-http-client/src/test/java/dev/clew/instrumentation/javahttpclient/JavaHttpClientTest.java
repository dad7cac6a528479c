package dev.clew.instrumentation.javahttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentSpans;
import dev.clew.testing.http.HttpClientTestSuite;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class JavaHttpClientTest extends HttpClientTestSuite {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(5))
      .sslContext(trustAllSslContext())
      .build();

  @Override
  protected String scopeName() {
    return "clew.java-http-client";
  }

  private static HttpRequest request(String method, URI uri, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return b.build();
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers, boolean async) throws Exception {
    HttpRequest request = request(method, uri, headers);
    if (!async) {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
    try {
      return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).get().statusCode();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void callbacksOfTheFutureRunOutsideTheClientSpan() throws Exception {
    int inner = CLIENT.sendAsync(request("GET", http("/redirect"), Map.of()), HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> {
          try {
            // in the client span this call would be suppressed; in the caller's context it is its own trace
            return CLIENT.send(request("GET", http("/missing"), Map.of()), HttpResponse.BodyHandlers.discarding())
                .statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).get();
    assertEquals(404, inner);
    List<Span> spans = AgentSpans.awaitSpans(2, Duration.ofSeconds(10));
    assertEquals(2, spans.size(), "spans " + AgentSpans.names(spans));
    assertTrue(spans.stream().allMatch(s -> AgentSpans.parentSpanId(s).isEmpty()), "both are roots");
  }

  @Test
  void theApplicationsRequestIsNotChanged() throws Exception {
    HttpRequest request = request("GET", http("/ok"), Map.of("X-App", "kept"));
    HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
    assertEquals(200, response.statusCode());
    assertEquals(Map.of("x-app", List.of("kept")), request.headers().map());
    onlyClientSpan();
  }
}
