package dev.clew.instrumentation.apachehttpclient4;

import dev.clew.core.propagation.TextMapSetter;

/** Writes propagation headers into the request, replacing only a header of the same name. */
final class ApacheHttpClient4Headers implements TextMapSetter<ApacheRequest> {
  static final ApacheHttpClient4Headers INSTANCE = new ApacheHttpClient4Headers();

  @Override
  public void set(ApacheRequest carrier, String key, String value) {
    carrier.request.setHeader(key, value);
  }
}
