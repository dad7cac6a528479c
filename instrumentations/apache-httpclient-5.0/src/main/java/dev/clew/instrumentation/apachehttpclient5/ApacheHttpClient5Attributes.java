package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.instrument.http.HttpClientAdapter;
import dev.clew.core.instrument.http.HttpClientAttributes;
import dev.clew.core.instrument.http.HttpCommon;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.net.URIAuthority;

/** Reads Apache HttpClient 5 requests and responses for the HTTP client conventions. */
final class ApacheHttpClient5Attributes implements HttpClientAdapter<ApacheRequest, HttpResponse> {
  static final ApacheHttpClient5Attributes INSTANCE = new ApacheHttpClient5Attributes();

  @Override
  public String method(ApacheRequest r) {
    return r.request.getMethod();
  }

  @Override
  public String url(ApacheRequest r) {
    String host = serverAddress(r);
    if (host == null) {
      return null;
    }
    StringBuilder url = new StringBuilder(64).append(scheme(r)).append("://").append(host);
    int port = explicitPort(r);
    if (port > 0) {
      url.append(':').append(port);
    }
    String path = r.request.getPath();
    if (path == null || !path.startsWith("/")) {
      url.append('/');
    }
    return path == null ? url.toString() : url.append(path).toString();
  }

  @Override
  public String serverAddress(ApacheRequest r) {
    URIAuthority authority = r.request.getAuthority();
    if (authority != null) {
      return authority.getHostName();
    }
    return r.target == null ? null : r.target.getHostName();
  }

  @Override
  public int serverPort(ApacheRequest r) {
    return HttpClientAttributes.portOrDefault(explicitPort(r), scheme(r));
  }

  private static int explicitPort(ApacheRequest r) {
    URIAuthority authority = r.request.getAuthority();
    if (authority != null) {
      return authority.getPort();
    }
    return r.target == null ? -1 : r.target.getPort();
  }

  private static String scheme(ApacheRequest r) {
    String scheme = r.request.getScheme();
    if (scheme == null && r.target != null) {
      scheme = r.target.getSchemeName();
    }
    return scheme == null ? "http" : scheme;
  }

  @Override
  public int statusCode(HttpResponse response) {
    return response.getCode();
  }

  @Override
  public String protocolVersion(ApacheRequest request, HttpResponse response) {
    ProtocolVersion v = response.getVersion();
    return v == null ? null : HttpCommon.protocolVersion(v.toString());
  }
}
