package dev.clew.instrumentation.jetty12;

import dev.clew.core.instrument.http.HttpServerAdapter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Reads Jetty 12's core request and response (the same under every servlet environment). */
final class Jetty12Adapter implements HttpServerAdapter<Request, Response> {
  static final Jetty12Adapter INSTANCE = new Jetty12Adapter();

  @Override
  public String method(Request request) {
    return request.getMethod();
  }

  @Override
  public String scheme(Request request) {
    return request.getHttpURI().getScheme();
  }

  @Override
  public String path(Request request) {
    return request.getHttpURI().getPath();
  }

  @Override
  public String query(Request request) {
    return request.getHttpURI().getQuery();
  }

  @Override
  public String serverAddress(Request request) {
    return Request.getServerName(request);
  }

  @Override
  public int serverPort(Request request) {
    return Request.getServerPort(request);
  }

  /**
   * The IPv4 peer rendered last: Jetty formats the address anew on every request, and most requests come
   * from a few hosts (a load balancer, a sidecar). IPv4 only: its text depends on nothing but the address.
   */
  private volatile PeerText lastPeer;

  @Override
  public String peerAddress(Request request) {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    InetAddress address = remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
    if (!(address instanceof Inet4Address)) {
      return Request.getRemoteAddr(request);
    }
    PeerText last = lastPeer;
    if (last != null && last.address.equals(address)) {
      return last.text;
    }
    String text = address.getHostAddress(); // what Request.getRemoteAddr gives for an IPv4 peer
    lastPeer = new PeerText(address, text);
    return text;
  }

  @Override
  public int peerPort(Request request) {
    return Request.getRemotePort(request);
  }

  @Override
  public String protocol(Request request) {
    return request.getConnectionMetaData().getProtocol();
  }

  @Override
  public String header(Request request, String name) {
    return request.getHeaders().get(name);
  }

  @Override
  public Iterator<String> headers(Request request, String name) {
    return request.getHeaders().getValuesList(name).iterator();
  }

  @Override
  public Iterable<String> headerNames(Request request) {
    return request.getHeaders().getFieldNamesCollection();
  }

  @Override
  public int statusCode(Response response) {
    return response.getStatus();
  }

  @Override
  public List<String> responseHeaders(Response response, String name) {
    return response.getHeaders().getValuesList(name);
  }

  private static final class PeerText {
    final InetAddress address;
    final String text;

    PeerText(InetAddress address, String text) {
      this.address = address;
      this.text = text;
    }
  }
}
