package dev.clew.core.instrument.http;

import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.HTTP_ROUTE;

import dev.clew.core.config.Redactor;
import dev.clew.core.context.Context;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.propagation.TextMapGetter;
import dev.clew.core.propagation.TextMapSetter;
import dev.clew.core.propagation.W3CTraceContextPropagator;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TracerProvider;
import java.util.Iterator;
import java.util.List;

/**
 * Starts and ends the SERVER span of an HTTP request, whatever the server library: extracts the
 * caller's context through the configured propagators, names the span {@code {METHOD} {route}} (or
 * {@code {METHOD}} while no route is known), records the semantic-convention attributes and the
 * configured headers, and sets the status (5xx and exceptions are errors; 4xx is the client's fault
 * and stays unset on a server span). One instance per server module, read through an adapter; each
 * request is a {@link ServerCall}.
 */
public final class HttpServerTracer<REQ, RES> {
  private final String scopeName;
  private final HttpServerAdapter<REQ, RES> adapter;
  private final TextMapGetter<REQ> getter;
  private final Redactor redactor;
  private final CapturedHeaders requestHeaders;
  private final CapturedHeaders responseHeaders;
  private final CapturedHeaders.Reader<REQ> requestHeaderReader;
  private final CapturedHeaders.Reader<RES> responseHeaderReader;

  private HttpServerTracer(String scopeName, HttpServerAdapter<REQ, RES> adapter, HttpSettings settings) {
    this.scopeName = scopeName;
    this.adapter = adapter;
    this.getter = new AdapterGetter<>(adapter);
    this.redactor = settings.redactor;
    this.requestHeaders = settings.serverRequestHeaders;
    this.responseHeaders = settings.serverResponseHeaders;
    this.requestHeaderReader = (request, name) -> toList(adapter.headers(request, name));
    this.responseHeaderReader = adapter::responseHeaders;
  }

  /** A tracer for the instrumentation scope {@code scopeName}, with the settings the module read. */
  public static <REQ, RES> HttpServerTracer<REQ, RES> create(String scopeName, HttpServerAdapter<REQ, RES> adapter,
      HttpSettings settings) {
    return new HttpServerTracer<>(scopeName, adapter, settings);
  }

  /**
   * Starts the SERVER span of {@code request} as a child of the context its headers carry, else of the
   * current context (on a server thread: none, so a new trace); {@code route} may be null. The call
   * holds the span's context, for the caller to make current, and ends it.
   */
  public ServerCall<REQ, RES> start(REQ request, String route) {
    Context parent = Propagators.global().extract(Context.current(), request, getter);
    String method = adapter.method(request);
    Span span = TracerProvider.global().tracer(scopeName)
        .spanBuilder(HttpCommon.spanName(method, route))
        .setSpanKind(SpanKind.SERVER)
        .setParent(parent)
        .startSpan();
    if (span.isRecording()) {
      HttpServerAttributes.onStart(span, adapter, request, route, redactor);
      requestHeaders.capture(span, request, requestHeaderReader);
    }
    return new ServerCall<>(this, method, parent, span);
  }

  /** Sets the route once the server has matched it, and renames the span after it. */
  void setRoute(Span span, String method, String route) {
    if (span.isRecording()) {
      span.setAttribute(HTTP_ROUTE, route);
      span.updateName(HttpCommon.spanName(method, route));
    }
  }

  int statusCode(RES response) {
    return adapter.statusCode(response);
  }

  /**
   * Ends the span with the final status code (0 if unknown) and the application's exception, if any;
   * {@code errorType} (e.g. {@code timeout}) marks a failure that has no exception and maybe no 5xx
   * status, and becomes {@code error.type} and the status description.
   */
  void end(Span span, RES response, int statusCode, Throwable error, String errorType) {
    if (!span.isRecording()) {
      return;
    }
    HttpServerAttributes.onEnd(span, statusCode);
    if (response != null) {
      responseHeaders.capture(span, response, responseHeaderReader);
    }
    if (error != null) {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, errorType != null ? errorType : error.getClass().getName());
      span.setStatus(StatusCode.ERROR, error.getMessage());
    } else if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR, errorType);
    } else if (statusCode >= 500) {
      span.setAttribute(ERROR_TYPE, Integer.toString(statusCode));
      span.setStatus(StatusCode.ERROR, null);
    }
    span.end();
  }

  /**
   * The W3C Trace Context Level 2 {@code traceresponse} value naming the server span
   * ({@code 00-<trace id>-<span id>-<flags>}), or null for an invalid span.
   */
  public static String traceResponse(Context context) {
    String[] value = new String[1];
    W3CTraceContextPropagator.INSTANCE.inject(Context.root().with(Span.fromContext(context)), value, TRACEPARENT_ONLY);
    return value[0];
  }

  private static final TextMapSetter<String[]> TRACEPARENT_ONLY = (carrier, key, value) -> {
    if (W3CTraceContextPropagator.TRACEPARENT.equals(key)) {
      carrier[0] = value;
    }
  };

  private static List<String> toList(Iterator<String> values) {
    if (!values.hasNext()) {
      return java.util.Collections.emptyList();
    }
    List<String> list = new java.util.ArrayList<>(2);
    while (values.hasNext()) {
      list.add(values.next());
    }
    return list;
  }

  /** Reads propagation headers through the adapter. */
  private static final class AdapterGetter<REQ> implements TextMapGetter<REQ> {
    private final HttpServerAdapter<REQ, ?> adapter;

    AdapterGetter(HttpServerAdapter<REQ, ?> adapter) {
      this.adapter = adapter;
    }

    @Override
    public Iterable<String> keys(REQ carrier) {
      return adapter.headerNames(carrier);
    }

    @Override
    public String get(REQ carrier, String key) {
      return adapter.header(carrier, key);
    }

    @Override
    public Iterator<String> getAll(REQ carrier, String key) {
      // most requests carry none of the propagation headers: a plain lookup answers that without the
      // enumeration and list a server builds for getHeaders (3 per request with tracecontext,baggage)
      if (adapter.header(carrier, key) == null) {
        return java.util.Collections.emptyIterator();
      }
      return adapter.headers(carrier, key);
    }
  }
}
