package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.propagation.TextMapSetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      carrier.inject(key, value);
    }
  };
  private static final BiPredicate<String, String> ALL = (name, value) -> true;

  private final HttpRequest delegate;
  // names and values set by the propagators, in pairs (name at 2i, value at 2i + 1): usually two headers,
  // so one small array rather than a sorted map
  private String[] injected = new String[4];
  private int injectedCount;
  private volatile HttpHeaders headers;

  TracedHttpRequest(HttpRequest delegate) {
    this.delegate = delegate;
  }

  private void inject(String name, String value) {
    int i = indexOf(name);
    if (i >= 0) {
      injected[i + 1] = value;
      return;
    }
    int at = injectedCount * 2;
    if (at == injected.length) {
      injected = Arrays.copyOf(injected, at * 2);
    }
    injected[at] = name;
    injected[at + 1] = value;
    injectedCount++;
  }

  /** The index of an injected header's name in {@code injected}, or -1. */
  private int indexOf(String name) {
    for (int i = 0; i < injectedCount * 2; i += 2) {
      if (injected[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders h = headers;
    if (h == null) {
      // HttpHeaders.of copies and sorts whatever map it gets: hand it the plain union, not a sorted copy
      Map<String, List<String>> app = delegate.headers().map();
      Map<String, List<String>> merged = new HashMap<>((app.size() + injectedCount) * 2);
      for (Map.Entry<String, List<String>> e : app.entrySet()) {
        if (indexOf(e.getKey()) < 0) {
          merged.put(e.getKey(), e.getValue());
        }
      }
      for (int i = 0; i < injectedCount * 2; i += 2) {
        merged.put(injected[i], Collections.singletonList(injected[i + 1]));
      }
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
