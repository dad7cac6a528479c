package dev.clew.core.instrument.http;

import dev.clew.core.context.Context;
import dev.clew.core.context.ContextKey;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.WrapperExceptions;
import dev.clew.core.trace.Span;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One server request in progress: its SERVER span's context, the route and the application's
 * exception once a layer learns them, and an {@link #end} that takes effect once. The layer that
 * started it (the outermost: a container, else the first servlet filter) ends it; inner layers find
 * it with {@link #current()} and only enrich it, so a request has one SERVER span however many layers
 * see it. Counterpart of the client side's call state.
 */
public final class ServerCall<REQ, RES> {
  private static final ContextKey<ServerCall<?, ?>> KEY = ContextKey.named("clew.http.server-call");
  private static final AtomicIntegerFieldUpdater<ServerCall<?, ?>> ENDED = endedUpdater();

  private final HttpServerTracer<REQ, RES> tracer;
  private final String method;
  private final Context context;
  private volatile Throwable error;
  private volatile String errorType;
  private volatile int ended;
  private volatile boolean joined;

  ServerCall(HttpServerTracer<REQ, RES> tracer, String method, Context parent, Span span) {
    this.tracer = tracer;
    this.method = method;
    this.context = parent.with(span).with(KEY, this);
  }

  /** The call whose context is current on this thread, or null outside any server request. */
  public static ServerCall<?, ?> current() {
    return Context.current().get(KEY);
  }

  /** The call of a context, or null. */
  public static ServerCall<?, ?> from(Context context) {
    return context.get(KEY);
  }

  /** The context holding the SERVER span; current while the request is handled. */
  public Context context() {
    return context;
  }

  public Scope makeCurrent() {
    return context.makeCurrent();
  }

  /**
   * Makes the call's context current for a layer that owns the request on this thread (a container's
   * handling method): the returned scope also names the call, so the exit advice needs no lookup.
   */
  public CallScope<REQ, RES> enter() {
    return new CallScope<>(this, context.makeCurrent());
  }

  /** Sets {@code http.route} and renames the span {@code {METHOD} {route}}; null is ignored. */
  public void setRoute(String route) {
    if (route != null && ended == 0) {
      tracer.setRoute(Span.fromContext(context), method, route);
    }
  }

  /**
   * Remembers the exception the application raised (container and framework wrappers are taken off
   * at the end); the first one wins, so layers that see the same exception record it once.
   */
  public void recordException(Throwable thrown) {
    if (thrown != null && error == null) {
      error = thrown;
    }
  }

  /** A failure without an exception, e.g. {@code timeout}: it becomes {@code error.type}. */
  public void setErrorType(String type) {
    errorType = type;
  }

  /**
   * Marks the call as taken up by the inner layer (the servlet API's first filter or servlet), which
   * then recognises its nested entries on this thread from the current context alone.
   */
  public void markJoined() {
    joined = true;
  }

  /** True once the inner layer took the call up ({@link #markJoined}). */
  public boolean isJoined() {
    return joined;
  }

  /** True when {@code tracer} started this call: a layer ends only the calls it started. */
  public boolean isStartedBy(HttpServerTracer<?, ?> tracer) {
    return this.tracer == tracer;
  }

  /** True once {@link #end} ran. */
  public boolean isEnded() {
    return ended != 0;
  }

  /**
   * Ends the span with the response's status (a throwable escaping the handler makes a status below
   * 400 a 500, as the container answers after we return) and the recorded exception, else
   * {@code thrown}. Only the first call has an effect.
   */
  public void end(RES response, Throwable thrown) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    Throwable recorded = error != null ? error : thrown;
    int status = response == null ? 0 : tracer.statusCode(response);
    if (thrown != null && status < 400) {
      status = 500;
    }
    tracer.end(Span.fromContext(context), response, status, WrapperExceptions.unwrap(recorded), errorType);
  }

  /** The scope {@link #enter} opened, with its call. */
  public static final class CallScope<REQ, RES> implements Scope {
    private final ServerCall<REQ, RES> call;
    private final Scope scope;

    CallScope(ServerCall<REQ, RES> call, Scope scope) {
      this.call = call;
      this.scope = scope;
    }

    public ServerCall<REQ, RES> call() {
      return call;
    }

    @Override
    public void close() {
      scope.close();
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static AtomicIntegerFieldUpdater<ServerCall<?, ?>> endedUpdater() {
    return (AtomicIntegerFieldUpdater) AtomicIntegerFieldUpdater.newUpdater(ServerCall.class, "ended");
  }
}
