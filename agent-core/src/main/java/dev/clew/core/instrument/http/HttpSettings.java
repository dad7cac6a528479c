package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_HEADER_PREFIX;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_RESPONSE_HEADER_PREFIX;

import dev.clew.core.config.Config;
import dev.clew.core.config.Redactor;

/**
 * What the configuration says about HTTP spans, for clients and servers alike: which query parameters
 * are redacted in {@code url.query} / {@code url.full}, and which headers SERVER spans record. An HTTP
 * module reads it from the {@link Config} it is handed and gives it to its tracer.
 */
public final class HttpSettings {
  public static final String CAPTURE_REQUEST_HEADERS_KEY = "otel.instrumentation.http.server.capture-request-headers";
  public static final String CAPTURE_RESPONSE_HEADERS_KEY =
      "otel.instrumentation.http.server.capture-response-headers";

  /** Before a module read its configuration (and in tests): the documented defaults. */
  public static final HttpSettings DEFAULT = new HttpSettings(Redactor.DEFAULT, CapturedHeaders.NONE,
      CapturedHeaders.NONE);

  final Redactor redactor;
  final CapturedHeaders serverRequestHeaders;
  final CapturedHeaders serverResponseHeaders;

  private HttpSettings(Redactor redactor, CapturedHeaders serverRequestHeaders,
      CapturedHeaders serverResponseHeaders) {
    this.redactor = redactor;
    this.serverRequestHeaders = serverRequestHeaders;
    this.serverResponseHeaders = serverResponseHeaders;
  }

  public static HttpSettings fromConfig(Config config) {
    return new HttpSettings(Redactor.fromConfig(config),
        CapturedHeaders.fromConfig(config, CAPTURE_REQUEST_HEADERS_KEY, HTTP_REQUEST_HEADER_PREFIX),
        CapturedHeaders.fromConfig(config, CAPTURE_RESPONSE_HEADERS_KEY, HTTP_RESPONSE_HEADER_PREFIX));
  }

  public Redactor redactor() {
    return redactor;
  }
}
