package dev.clew.instrumentation.jetty9;

import dev.clew.core.instrument.http.HttpServerAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Reads Jetty 9.4-11's request and response through the methods their classes declare with JDK types only,
 * which link the same whether the version implements {@code javax.servlet} (9.4, 10) or {@code jakarta.servlet} (11).
 */
final class Jetty9Adapter implements HttpServerAdapter<Request, Response> {
  static final Jetty9Adapter INSTANCE = new Jetty9Adapter();

  @Override
  public String method(Request request) {
    return request.getMethod();
  }

  @Override
  public String scheme(Request request) {
    return request.getScheme();
  }

  @Override
  public String path(Request request) {
    return request.getRequestURI();
  }

  @Override
  public String query(Request request) {
    return request.getQueryString();
  }

  @Override
  public String serverAddress(Request request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(Request request) {
    return request.getServerPort();
  }

  @Override
  public String peerAddress(Request request) {
    return request.getRemoteAddr();
  }

  @Override
  public int peerPort(Request request) {
    return request.getRemotePort();
  }

  @Override
  public String protocol(Request request) {
    return request.getProtocol();
  }

  @Override
  public String header(Request request, String name) {
    return request.getHeader(name);
  }

  @Override
  public Iterator<String> headers(Request request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? Collections.<String>emptyIterator() : Collections.list(values).iterator();
  }

  @Override
  public Iterable<String> headerNames(Request request) {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.<String>emptyList() : Collections.list(names);
  }

  @Override
  public int statusCode(Response response) {
    return response.getStatus();
  }

  @Override
  public List<String> responseHeaders(Response response, String name) {
    Collection<String> values = response.getHeaders(name);
    return values == null || values.isEmpty() ? Collections.<String>emptyList() : new ArrayList<>(values);
  }
}
