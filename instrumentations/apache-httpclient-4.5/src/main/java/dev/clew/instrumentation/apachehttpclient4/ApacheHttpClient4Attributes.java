package dev.clew.instrumentation.apachehttpclient4;

import dev.clew.core.instrument.http.HttpClientAdapter;
import dev.clew.core.instrument.http.HttpClientAttributes;
import dev.clew.core.instrument.http.HttpCommon;
import java.net.URI;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolVersion;
import org.apache.http.client.methods.HttpUriRequest;

/** Reads Apache HttpClient 4 requests and responses for the HTTP client conventions. */
final class ApacheHttpClient4Attributes implements HttpClientAdapter<ApacheRequest, HttpResponse> {
  static final ApacheHttpClient4Attributes INSTANCE = new ApacheHttpClient4Attributes();

  @Override
  public String method(ApacheRequest r) {
    return r.request.getRequestLine().getMethod();
  }

  @Override
  public String url(ApacheRequest r) {
    URI uri = uri(r);
    if (uri != null && uri.isAbsolute()) {
      return uri.toString();
    }
    if (r.target == null) {
      return null;
    }
    String path = uri != null ? uri.toString() : r.request.getRequestLine().getUri();
    return r.target.toURI() + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public String serverAddress(ApacheRequest r) {
    if (r.target != null) {
      return r.target.getHostName();
    }
    URI uri = uri(r);
    return uri == null ? null : uri.getHost();
  }

  @Override
  public int serverPort(ApacheRequest r) {
    if (r.target != null) {
      return HttpClientAttributes.portOrDefault(r.target.getPort(), r.target.getSchemeName());
    }
    URI uri = uri(r);
    return uri == null ? -1 : HttpClientAttributes.portOrDefault(uri.getPort(), uri.getScheme());
  }

  private static URI uri(ApacheRequest r) {
    if (r.request instanceof HttpUriRequest) {
      return ((HttpUriRequest) r.request).getURI();
    }
    try {
      return URI.create(r.request.getRequestLine().getUri());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public int statusCode(HttpResponse response) {
    return response.getStatusLine() == null ? -1 : response.getStatusLine().getStatusCode();
  }

  @Override
  public String protocolVersion(ApacheRequest request, HttpResponse response) {
    ProtocolVersion v = response.getProtocolVersion();
    return v == null ? null : HttpCommon.protocolVersion(v.toString());
  }
}
