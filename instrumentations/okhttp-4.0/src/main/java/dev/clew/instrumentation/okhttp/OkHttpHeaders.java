package dev.clew.instrumentation.okhttp;

import dev.clew.core.propagation.TextMapSetter;
import okhttp3.Request;

/** Writes propagation headers into the request builder, replacing only a header of the same name. */
final class OkHttpHeaders implements TextMapSetter<Request.Builder> {
  static final OkHttpHeaders INSTANCE = new OkHttpHeaders();

  @Override
  public void set(Request.Builder builder, String key, String value) {
    builder.header(key, value);
  }
}
