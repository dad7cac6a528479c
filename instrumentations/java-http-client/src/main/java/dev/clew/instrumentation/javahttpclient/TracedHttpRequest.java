package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.propagation.TextMapSetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The application's request plus the propagation headers: requests are immutable, so the client is
 * handed this view instead. Every other header is the application's, untouched; a propagation header
 * the application set itself is replaced, never doubled.
 */
final class TracedHttpRequest extends HttpRequest {
  static final TextMapSetter<TracedHttpRequest> SETTER = new TextMapSetter<TracedHttpRequest>() {
    @Override
    public void set(TracedHttpRequest carrier, String key, String value) {
      carrier.injected.put(key, Collections.singletonList(value));
    }
  };
  private static final BiPredicate<String, String> ALL = (name, value) -> true;

  private final HttpRequest delegate;
  private final Map<String, List<String>> injected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private volatile HttpHeaders headers;

  TracedHttpRequest(HttpRequest delegate) {
    this.delegate = delegate;
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders h = headers;
    if (h == null) {
      Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, List<String>> e : delegate.headers().map().entrySet()) {
        merged.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
      merged.putAll(injected);
      headers = h = HttpHeaders.of(merged, ALL);
    }
    return h;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return delegate.bodyPublisher();
  }

  @Override
  public String method() {
    return delegate.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return delegate.timeout();
  }

  @Override
  public boolean expectContinue() {
    return delegate.expectContinue();
  }

  @Override
  public URI uri() {
    return delegate.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return delegate.version();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
