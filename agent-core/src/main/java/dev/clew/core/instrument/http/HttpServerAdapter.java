package dev.clew.core.instrument.http;

import java.util.Iterator;
import java.util.List;

/**
 * How {@link HttpServerTracer} reads one server library's request and response. Values the library
 * does not know return null (or -1 for ports). Header names are matched case-insensitively.
 */
public interface HttpServerAdapter<REQ, RES> {
  String method(REQ request);

  /** {@code http} or {@code https}. */
  String scheme(REQ request);

  /** The path as received, without the query. */
  String path(REQ request);

  /** The query string without {@code ?}, or null. */
  String query(REQ request);

  /** The server name the client addressed (Host header), or null. */
  String serverAddress(REQ request);

  int serverPort(REQ request);

  /** The address of the peer connected to us (not forwarded headers). */
  String peerAddress(REQ request);

  int peerPort(REQ request);

  /** The protocol as the library names it, e.g. {@code HTTP/1.1}. */
  String protocol(REQ request);

  /** The first value of a request header, or null. */
  String header(REQ request, String name);

  /** Every value of a request header; empty when absent. */
  Iterator<String> headers(REQ request, String name);

  /** The names of every request header. */
  Iterable<String> headerNames(REQ request);

  /** The response's status code, 0 while unknown. */
  int statusCode(RES response);

  /** Every value of a response header; empty or null when absent. */
  List<String> responseHeaders(RES response, String name);
}
