package dev.clew.instrumentation.okhttp;

import dev.clew.core.instrument.http.HttpClientAdapter;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/** Reads OkHttp requests and responses for the HTTP client conventions. */
final class OkHttpAttributes implements HttpClientAdapter<Request, Response> {
  static final OkHttpAttributes INSTANCE = new OkHttpAttributes();

  @Override
  public String method(Request request) {
    return request.method();
  }

  @Override
  public String url(Request request) {
    return request.url().toString();
  }

  @Override
  public String serverAddress(Request request) {
    return request.url().host();
  }

  @Override
  public int serverPort(Request request) {
    return request.url().port(); // OkHttp fills in the scheme's default
  }

  @Override
  public int statusCode(Response response) {
    return response.code();
  }

  @Override
  public String protocolVersion(Request request, Response response) {
    Protocol p = response.protocol();
    if (p == Protocol.HTTP_1_1) {
      return "1.1";
    }
    if (p == Protocol.HTTP_2 || p == Protocol.H2_PRIOR_KNOWLEDGE) {
      return "2";
    }
    if (p == Protocol.HTTP_1_0) {
      return "1.0";
    }
    return p == Protocol.QUIC ? "3" : null;
  }
}
