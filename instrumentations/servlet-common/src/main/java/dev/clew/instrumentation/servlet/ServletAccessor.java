package dev.clew.instrumentation.servlet;

import dev.clew.core.instrument.http.HttpServerAdapter;

/**
 * How the shared servlet code reads and writes one servlet API's ({@code javax.servlet} or
 * {@code jakarta.servlet}) HTTP requests and responses. Implemented once per API module, next to its
 * advice; everything else about servlet requests is written once against this interface.
 */
public interface ServletAccessor<REQ, RES> extends HttpServerAdapter<REQ, RES> {
  /** {@code request} as an HTTP request of this API, or null (not HTTP). */
  REQ httpRequest(Object request);

  /** {@code response} as an HTTP response of this API, or null (not HTTP). */
  RES httpResponse(Object response);

  Object getAttribute(REQ request, String name);

  void setAttribute(REQ request, String name, Object value);

  /**
   * The name of the {@code MappingMatch} of the servlet mapping the container matched ({@code EXACT},
   * {@code PATH}, {@code DEFAULT}, ...); null when there is none or the container predates Servlet 4.0.
   */
  String mappingMatch(REQ request);

  /** The pattern of that mapping ({@code /users/*}), or null. */
  String mappingPattern(REQ request);

  String contextPath(REQ request);

  String servletPath(REQ request);

  boolean isAsyncStarted(REQ request);

  /** Adds {@code listener} to the request's current async cycle; false when the request is no longer async. */
  boolean addAsyncListener(REQ request, ServletAsyncListener<RES> listener);

  boolean isCommitted(RES response);

  void setHeader(RES response, String name, String value);
}
