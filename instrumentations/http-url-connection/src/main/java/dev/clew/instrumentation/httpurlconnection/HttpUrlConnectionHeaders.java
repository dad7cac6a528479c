package dev.clew.instrumentation.httpurlconnection;

import dev.clew.core.propagation.TextMapSetter;
import java.net.HttpURLConnection;

/** Writes propagation headers as request properties, replacing only a property of the same name. */
final class HttpUrlConnectionHeaders implements TextMapSetter<HttpURLConnection> {
  static final HttpUrlConnectionHeaders INSTANCE = new HttpUrlConnectionHeaders();

  @Override
  public void set(HttpURLConnection connection, String key, String value) {
    try {
      connection.setRequestProperty(key, value);
    } catch (IllegalStateException alreadyConnected) {
      // connected before the agent saw it: the call is traced but cannot propagate
    }
  }
}
