package dev.clew.instrumentation.apachehttpclient5;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/** A request and the host it goes to: a request may name only its path and leave the host to the call. */
final class ApacheRequest {
  final HttpHost target;
  final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }
}
