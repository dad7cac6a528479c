package dev.clew.instrumentation.apachehttpclient5;

import dev.clew.core.propagation.TextMapSetter;

/** Writes propagation headers into the request, replacing only a header of the same name. */
final class ApacheHttpClient5Headers implements TextMapSetter<ApacheRequest> {
  static final ApacheHttpClient5Headers INSTANCE = new ApacheHttpClient5Headers();

  @Override
  public void set(ApacheRequest carrier, String key, String value) {
    carrier.request.setHeader(key, value);
  }
}
