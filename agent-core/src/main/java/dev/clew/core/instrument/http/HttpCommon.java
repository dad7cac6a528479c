package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD_ORIGINAL;

import dev.clew.core.trace.Span;

/**
 * What HTTP server and client spans share, per the OpenTelemetry HTTP semantic conventions: method
 * normalisation (the known methods, anything else is {@code _OTHER} with the original kept), span
 * names, and the protocol version. Redaction of URLs and query strings is {@link dev.clew.core.config.Redactor}'s.
 */
public final class HttpCommon {
  /** The {@code http.request.method} value of a method outside the known set. */
  public static final String OTHER = "_OTHER";
  private HttpCommon() {}

  /** The method as it goes into {@code http.request.method}: one of the known methods, else {@link #OTHER}. */
  public static String normalizeMethod(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method) {
      case "GET":
      case "HEAD":
      case "POST":
      case "PUT":
      case "DELETE":
      case "CONNECT":
      case "OPTIONS":
      case "TRACE":
      case "PATCH":
      case "QUERY":
        return method;
      default:
        return OTHER;
    }
  }

  /** Sets {@code http.request.method} (and {@code http.request.method_original} for an unknown one). */
  public static void setMethod(Span span, String method) {
    String normalized = normalizeMethod(method);
    span.setAttribute(HTTP_REQUEST_METHOD, normalized);
    if (normalized == OTHER && method != null) {
      span.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
  }

  /** {@code {METHOD} {target}}, or {@code {METHOD}} without a target, or {@code HTTP} for an unknown method. */
  public static String spanName(String method, String target) {
    String normalized = normalizeMethod(method);
    if (normalized == OTHER) {
      return "HTTP";
    }
    return target == null || target.isEmpty() ? normalized : normalized + ' ' + target;
  }

  /** {@code 1.1} from {@code HTTP/1.1}; null when there is none. */
  public static String protocolVersion(String protocol) {
    if (protocol == null) {
      return null;
    }
    switch (protocol) {
      case "HTTP/1.1":
        return "1.1";
      case "HTTP/2.0":
      case "HTTP/2":
        return "2";
      case "HTTP/1.0":
        return "1.0";
      case "HTTP/3":
        return "3";
      default:
        int slash = protocol.indexOf('/');
        return slash >= 0 && slash + 1 < protocol.length() ? protocol.substring(slash + 1) : null;
    }
  }
}
