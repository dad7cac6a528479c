package dev.clew.instrumentation.apachehttpclient4;

import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;

/** A request and the host it goes to: a request may name only its path and leave the host to the call. */
final class ApacheRequest {
  final HttpHost target;
  final HttpRequest request;

  ApacheRequest(HttpHost target, HttpRequest request) {
    this.target = target;
    this.request = request;
  }
}
