package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD_ORIGINAL;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.clew.core.semconv.SemanticAttributes.NETWORK_PROTOCOL_VERSION;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_ADDRESS;
import static dev.clew.core.semconv.SemanticAttributes.SERVER_PORT;
import static dev.clew.core.semconv.SemanticAttributes.URL_FULL;

import dev.clew.core.config.Redactor;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.StatusCode;

/**
 * Reads a client request and its outcome into the attributes of the OpenTelemetry HTTP client
 * conventions, and decides the span's status: ERROR for 4xx and 5xx responses and for exceptions.
 */
public final class HttpClientAttributes<REQ, RES> {
  private final HttpClientAdapter<REQ, RES> adapter;
  private final Redactor redactor;

  HttpClientAttributes(HttpClientAdapter<REQ, RES> adapter, Redactor redactor) {
    this.adapter = adapter;
    this.redactor = redactor;
  }

  /** The port to report: the explicit one, else the scheme's default; -1 if neither is known. */
  public static int portOrDefault(int port, String scheme) {
    if (port > 0) {
      return port;
    }
    if ("https".equalsIgnoreCase(scheme)) {
      return 443;
    }
    if ("http".equalsIgnoreCase(scheme)) {
      return 80;
    }
    return -1;
  }

  String normalizedMethod(REQ request) {
    return HttpCommon.normalizeMethod(adapter.method(request));
  }

  void onStart(SpanBuilder span, REQ request, String normalizedMethod) {
    span.setAttribute(HTTP_REQUEST_METHOD, normalizedMethod);
    if (normalizedMethod == HttpCommon.OTHER) {
      String original = adapter.method(request);
      if (original != null) {
        span.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, original);
      }
    }
    String url = redactor.redactUrl(adapter.url(request));
    if (url != null) {
      span.setAttribute(URL_FULL, url);
    }
    String host = adapter.serverAddress(request);
    if (host != null) {
      span.setAttribute(SERVER_ADDRESS, host);
      int port = adapter.serverPort(request);
      if (port > 0) {
        span.setAttribute(SERVER_PORT, (long) port);
      }
    }
  }

  void onEnd(Span span, REQ request, RES response, Throwable error) {
    int status = response == null ? -1 : adapter.statusCode(response);
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (response != null) {
      String version = adapter.protocolVersion(request, response);
      if (version != null) {
        span.setAttribute(NETWORK_PROTOCOL_VERSION, version);
      }
    }
    if (error != null) {
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, error.getMessage());
    } else if (status >= 400) {
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR, null);
    }
  }
}
