package dev.clew.core.instrument.http;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.export.ExportThread;
import dev.clew.core.propagation.TextMapSetter;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;

/**
 * Starts and ends the CLIENT span of one outgoing HTTP call and injects the context into the
 * request with every configured propagation format ({@link TracerProvider#propagator()}).
 *
 * <p>Only the outermost client creates a span: the context it returns carries a marker, and a call
 * started while that context is current (a client built on another client, an interceptor making its
 * own call) is not traced and does not inject, so the request keeps the outer span's headers. Modules
 * add a {@link dev.clew.core.instrument.CallDepth} for re-entry into the same client on one thread.
 *
 * <p>Life cycle for a module: {@code if (tracer.shouldStart(parent)) ctx = tracer.start(parent, request);}
 * then, when the response or the failure is known, {@code tracer.end(ctx, request, response, error)}.
 */
public final class HttpClientTracer<REQ, RES> {
  private static final ContextKey<Span> CLIENT_SPAN = ContextKey.named("clew.http.client-span");

  private final String scopeName;
  private final HttpClientAttributes<REQ, RES> attributes;
  private final TextMapSetter<REQ> setter;

  /**
   * @param scopeName the instrumentation scope, e.g. {@code clew.okhttp}
   * @param settings what the module read from its configuration (URL redaction)
   * @param setter writes one header into the request, replacing a previous value of that name only
   */
  public HttpClientTracer(String scopeName, HttpClientAdapter<REQ, RES> adapter, HttpSettings settings,
      TextMapSetter<REQ> setter) {
    this.scopeName = scopeName;
    this.attributes = new HttpClientAttributes<>(adapter, settings.redactor);
    this.setter = setter;
  }

  /**
   * For immutable requests: {@link #start} does not inject, the module calls {@link #inject} with
   * the builder it sends instead.
   */
  public HttpClientTracer(String scopeName, HttpClientAdapter<REQ, RES> adapter, HttpSettings settings) {
    this(scopeName, adapter, settings, null);
  }

  /**
   * False inside another client's span (the outer client already traces and propagates this call)
   * and on the agent's own threads (the exporters' requests are neither traced nor given headers).
   */
  public boolean shouldStart(Context parent) {
    return parent.get(CLIENT_SPAN) == null && !ExportThread.isCurrent();
  }

  /** True while a client span made by this class is in the context. */
  public static boolean isInsideClientSpan(Context context) {
    return context.get(CLIENT_SPAN) != null;
  }

  /**
   * Starts the span as a child of {@code parent} (a new trace when it has none), injects it into the
   * request, and returns the context holding it; make that current while the call runs synchronously.
   */
  public Context start(Context parent, REQ request) {
    TracerProvider provider = TracerProvider.global();
    String method = attributes.normalizedMethod(request);
    SpanBuilder builder = provider.tracer(scopeName).spanBuilder(HttpCommon.spanName(method, null))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent);
    attributes.onStart(builder, request, method);
    Span span = builder.startSpan();
    Context context = parent.with(span).with(CLIENT_SPAN, span);
    if (setter != null) {
      provider.propagator().inject(context, request, setter);
    }
    return context;
  }

  /** Injects a started call's context into a carrier other than the request, e.g. its builder. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> carrierSetter) {
    TracerProvider.global().propagator().inject(context, carrier, carrierSetter);
  }

  /** Ends the span of {@code context} with the response (may be null) or the failure (may be null). */
  public void end(Context context, REQ request, RES response, Throwable error) {
    Span span = context.span();
    attributes.onEnd(span, request, response, error);
    span.end();
  }
}
