package dev.clew.instrumentation.tomcat;

import dev.clew.core.instrument.http.HttpServerAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import org.apache.coyote.ActionCode;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.buf.MessageBytes;

/** Reads Tomcat's connector-level request and response (the same in Tomcat 9 to 11, below any servlet API). */
final class TomcatAdapter implements HttpServerAdapter<Request, Response> {
  static final TomcatAdapter INSTANCE = new TomcatAdapter();

  @Override
  public String method(Request request) {
    return request.getMethod();
  }

  @Override
  public String scheme(Request request) {
    // set by the connector for TLS; plain requests get theirs later, from the connector's configuration
    String scheme = text(request.scheme());
    return scheme != null ? scheme : "http";
  }

  @Override
  public String path(Request request) {
    return text(request.requestURI());
  }

  @Override
  public String query(Request request) {
    return text(request.queryString());
  }

  @Override
  public String serverAddress(Request request) {
    return text(request.serverName());
  }

  @Override
  public int serverPort(Request request) {
    return request.getServerPort();
  }

  @Override
  public String peerAddress(Request request) {
    request.action(ActionCode.REQ_HOST_ADDR_ATTRIBUTE, request); // read lazily from the socket
    return text(request.remoteAddr());
  }

  @Override
  public int peerPort(Request request) {
    request.action(ActionCode.REQ_REMOTEPORT_ATTRIBUTE, request);
    return request.getRemotePort();
  }

  @Override
  public String protocol(Request request) {
    return text(request.protocol());
  }

  @Override
  public String header(Request request, String name) {
    return request.getMimeHeaders().getHeader(name);
  }

  @Override
  public Iterator<String> headers(Request request, String name) {
    Enumeration<String> values = request.getMimeHeaders().values(name);
    return values.hasMoreElements() ? new EnumerationIterator(values) : Collections.<String>emptyIterator();
  }

  @Override
  public Iterable<String> headerNames(Request request) {
    return Collections.list(request.getMimeHeaders().names());
  }

  @Override
  public int statusCode(Response response) {
    return response.getStatus();
  }

  @Override
  public List<String> responseHeaders(Response response, String name) {
    Enumeration<String> values = response.getMimeHeaders().values(name);
    return values.hasMoreElements() ? new ArrayList<>(Collections.list(values)) : Collections.<String>emptyList();
  }

  /** Walks Tomcat's enumeration of a header's values as they are found, without copying them into a list first. */
  private static final class EnumerationIterator implements Iterator<String> {
    private final Enumeration<String> values;

    EnumerationIterator(Enumeration<String> values) {
      this.values = values;
    }

    @Override
    public boolean hasNext() {
      return values.hasMoreElements();
    }

    @Override
    public String next() {
      return values.nextElement();
    }
  }

  private static String text(MessageBytes bytes) {
    return bytes == null || bytes.isNull() ? null : bytes.toString();
  }
}
