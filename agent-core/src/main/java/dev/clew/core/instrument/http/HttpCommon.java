package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_REQUEST_METHOD_ORIGINAL;

import dev.clew.core.trace.Span;

/**
 * What HTTP server and client spans share, per the OpenTelemetry HTTP semantic conventions: method
 * normalisation (the known methods, anything else is {@code _OTHER} with the original kept), span
 * names, redaction of credentials in URLs and query strings, and the protocol version.
 */
public final class HttpCommon {
  /** The {@code http.request.method} value of a method outside the known set. */
  public static final String OTHER = "_OTHER";
  /** What replaces a redacted value. */
  public static final String REDACTED = "REDACTED";

  /** Query keys whose values carry credentials (signed URLs), as OpenTelemetry redacts by default. */
  private static final String[] SENSITIVE_QUERY_KEYS = {"AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature"};

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

  /**
   * A query string with the values of credential-bearing keys replaced by {@link #REDACTED}
   * ({@code sig=abc&x=1} becomes {@code sig=REDACTED&x=1}). Returns the same instance when nothing
   * needs redacting, which is the common case and costs a few {@code indexOf} calls.
   */
  public static String redactQuery(String query) {
    if (query == null || query.isEmpty() || !mayContainSensitiveKey(query)) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      int eq = query.indexOf('=', start);
      if (eq >= 0 && eq < end && isSensitiveKey(query, start, eq)) {
        out.append(query, start, eq + 1).append(REDACTED);
      } else {
        out.append(query, start, end);
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      start = amp + 1;
    }
    return out.toString();
  }

  /**
   * A full URL with user info replaced by {@code REDACTED:REDACTED} and sensitive query values
   * redacted; for {@code url.full} on client spans.
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String result = url;
    int scheme = url.indexOf("://");
    if (scheme > 0) {
      int authorityStart = scheme + 3;
      int authorityEnd = authorityStart;
      while (authorityEnd < url.length()) {
        char c = url.charAt(authorityEnd);
        if (c == '/' || c == '?' || c == '#') {
          break;
        }
        authorityEnd++;
      }
      int at = url.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        result = url.substring(0, authorityStart) + REDACTED + ':' + REDACTED + url.substring(at);
      }
    }
    int q = result.indexOf('?');
    if (q < 0) {
      return result;
    }
    int hash = result.indexOf('#', q);
    String query = hash < 0 ? result.substring(q + 1) : result.substring(q + 1, hash);
    String redacted = redactQuery(query);
    if (redacted == query) {
      return result;
    }
    return result.substring(0, q + 1) + redacted + (hash < 0 ? "" : result.substring(hash));
  }

  private static boolean mayContainSensitiveKey(String query) {
    for (String key : SENSITIVE_QUERY_KEYS) {
      if (query.contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSensitiveKey(String query, int start, int end) {
    for (String key : SENSITIVE_QUERY_KEYS) {
      if (key.length() == end - start && query.regionMatches(start, key, 0, key.length())) {
        return true;
      }
    }
    return false;
  }
}
