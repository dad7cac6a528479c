package dev.clew.core.instrument.http;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.propagation.TextMapSetter;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.TracerProvider;
import dev.clew.core.util.AgentThread;

/**
 * Starts and ends the CLIENT span of one outgoing HTTP call and injects the context into the
 * request with every configured propagation format ({@link Propagators#global()}).
 *
 * <p>Only the outermost client creates a span: the context it returns carries a marker, and a call
 * started while that context is current (a client built on another client, an interceptor making its
 * own call) is not traced and does not inject, so the request keeps the outer span's headers. Modules
 * add a {@link dev.clew.core.instrument.CallDepth} for re-entry into the same client on one thread.
 *
 * <p>Life cycle for a module: {@code if (tracer.shouldStart(parent)) call = tracer.start(parent, request);}
 * ({@code .makeCurrent()} while the call runs on this thread), then, when the response or the failure is
 * known, {@code call.end(response, error)}. The {@link ClientCall} is the state enter advice hands to exit
 * advice, or async wrappers share; the module keeps only its library-specific adapters.
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
    return parent.get(CLIENT_SPAN) == null && !AgentThread.isCurrent();
  }

  /** True while a client span made by this class is in the context. */
  public static boolean isInsideClientSpan(Context context) {
    return context.get(CLIENT_SPAN) != null;
  }

  /**
   * Starts the span as a child of {@code parent} (a new trace when it has none), injects it into the
   * request, and returns the call; make it current while the call runs synchronously.
   */
  public ClientCall<REQ, RES> start(Context parent, REQ request) {
    TracerProvider provider = TracerProvider.global();
    String method = attributes.normalizedMethod(request);
    SpanBuilder builder = provider.tracer(scopeName).spanBuilder(HttpCommon.spanName(method, null))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent);
    attributes.onStart(builder, request, method);
    Span span = builder.startSpan();
    Context context = parent.with(span).with(CLIENT_SPAN, span);
    if (setter != null) {
      Propagators.global().inject(context, request, setter);
    }
    return new ClientCall<>(this, parent, context, request);
  }

  /**
   * The call whose span {@code context} (from {@link ClientCall#context()}) already holds, for a library whose
   * one logical call runs through several methods that each enter and leave (HttpURLConnection: connect, then
   * getInputStream), where the module keeps the context between them rather than the call (which holds the
   * request). Its {@link ClientCall#parent()} is unknown: null.
   */
  public ClientCall<REQ, RES> resume(Context context, REQ request) {
    return new ClientCall<>(this, null, context, request);
  }

  /** Injects a started call's context into a carrier other than the request, e.g. its builder. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> carrierSetter) {
    Propagators.global().inject(context, carrier, carrierSetter);
  }

  /** Ends the span of {@code context} with the response (may be null) or the failure (may be null). */
  void end(Context context, REQ request, RES response, Throwable error) {
    Span span = Span.fromContext(context);
    attributes.onEnd(span, request, response, error);
    span.end();
  }
}
