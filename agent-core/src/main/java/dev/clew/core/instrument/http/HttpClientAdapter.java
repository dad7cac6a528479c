package dev.clew.core.instrument.http;

/**
 * How one HTTP client library exposes what the conventions need. Implementations are stateless
 * singletons in the instrumentation module; each method returns {@code null} (or {@code -1} for
 * numbers) when the library does not know the value.
 *
 * @param <REQ> the library's request
 * @param <RES> the library's response
 */
public interface HttpClientAdapter<REQ, RES> {
  /** The request method as sent, e.g. {@code GET}. */
  String method(REQ request);

  /** The absolute URL as sent (it is redacted before it becomes {@code url.full}). */
  String url(REQ request);

  /** The host the client connects to (the URL's host, not a proxy). */
  String serverAddress(REQ request);

  /** The port, with the scheme's default filled in; {@code -1} if unknown. */
  int serverPort(REQ request);

  int statusCode(RES response);

  /** {@code 1.0}, {@code 1.1}, {@code 2} or {@code 3}; null if unknown. */
  String protocolVersion(REQ request, RES response);
}
