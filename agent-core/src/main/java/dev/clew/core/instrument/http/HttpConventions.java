package dev.clew.core.instrument.http;

/**
 * What the HTTP semantic conventions ask of both sides, client and server: the known request methods
 * (anything else is reported as {@code _OTHER}) and {@code url.full} without credentials. Hand-written
 * scanning, no regex: it runs once per request.
 */
public final class HttpConventions {
  /** The method value for a method the conventions do not know. */
  public static final String OTHER_METHOD = "_OTHER";

  /** Query parameters whose values are replaced by {@link #REDACTED} (the conventions' default list). */
  private static final String[] SENSITIVE_QUERY_KEYS = {"AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature"};

  public static final String REDACTED = "REDACTED";

  private HttpConventions() {}

  /** The method as the conventions spell it, or {@link #OTHER_METHOD}. Returns the constant, never a copy. */
  public static String normalizeMethod(String method) {
    if (method == null) {
      return OTHER_METHOD;
    }
    switch (method) {
      case "GET": return "GET";
      case "POST": return "POST";
      case "PUT": return "PUT";
      case "DELETE": return "DELETE";
      case "HEAD": return "HEAD";
      case "PATCH": return "PATCH";
      case "OPTIONS": return "OPTIONS";
      case "CONNECT": return "CONNECT";
      case "TRACE": return "TRACE";
      case "QUERY": return "QUERY";
      default: return OTHER_METHOD;
    }
  }

  /**
   * The URL with user info replaced by {@code REDACTED:REDACTED} and the values of sensitive query
   * parameters replaced by {@code REDACTED}. Returns the same string when there is nothing to redact.
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = redactUserInfo(url);
    return redactQuery(u);
  }

  private static String redactUserInfo(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int authorityStart = scheme + 3;
    int authorityEnd = url.length();
    for (int i = authorityStart; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        authorityEnd = i;
        break;
      }
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return url;
    }
    return url.substring(0, authorityStart) + REDACTED + ':' + REDACTED + url.substring(at);
  }

  private static String redactQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int end = url.indexOf('#', q);
    if (end < 0) {
      end = url.length();
    }
    StringBuilder out = null;
    int copied = 0;
    int start = q + 1;
    while (start <= end) {
      int amp = url.indexOf('&', start);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      int eq = url.indexOf('=', start);
      if (eq > start && eq < amp && eq + 1 < amp && isSensitive(url, start, eq)) {
        if (out == null) {
          out = new StringBuilder(url.length());
        }
        out.append(url, copied, eq + 1).append(REDACTED);
        copied = amp;
      }
      start = amp + 1;
    }
    if (out == null) {
      return url;
    }
    return out.append(url, copied, url.length()).toString();
  }

  private static boolean isSensitive(String url, int start, int end) {
    int len = end - start;
    for (String key : SENSITIVE_QUERY_KEYS) {
      if (key.length() == len && url.regionMatches(start, key, 0, len)) {
        return true;
      }
    }
    return false;
  }
}
