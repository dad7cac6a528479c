package dev.clew.core.instrument.http;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One outgoing HTTP call while it runs: its span (in {@link #context()}), the request, the scope that makes
 * it current on the calling thread, and the parent context the caller had. What a module's enter advice
 * hands to its exit advice, or its async wrappers share. Started by {@link HttpClientTracer#start}; ended
 * once by {@link #end}, from any thread, however many completion paths try.
 *
 * @param <REQ> the library's request
 * @param <RES> the library's response
 */
public final class ClientCall<REQ, RES> {
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<ClientCall> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ClientCall.class, "ended");

  private final HttpClientTracer<REQ, RES> tracer;
  private final Context parent;
  private final Context context;
  private final REQ request;
  private Scope scope; // opened and closed by scopeOwner only
  private Thread scopeOwner;
  private volatile int ended;

  ClientCall(HttpClientTracer<REQ, RES> tracer, Context parent, Context context, REQ request) {
    this.tracer = tracer;
    this.parent = parent;
    this.context = context;
    this.request = request;
  }

  /**
   * The call that enter advice handed over as {@code Object} (advice signatures use JDK types only), or null
   * when it handed over something else (null: no call was started).
   */
  @SuppressWarnings("unchecked")
  public static <REQ, RES> ClientCall<REQ, RES> fromState(Object state) {
    return state instanceof ClientCall ? (ClientCall<REQ, RES>) state : null;
  }

  /**
   * The context the call started in, for handing results back to the caller (callbacks, futures); null for a
   * call {@linkplain HttpClientTracer#resume resumed} from its context.
   */
  public Context parent() {
    return parent;
  }

  /** The context holding the call's span. */
  public Context context() {
    return context;
  }

  public REQ request() {
    return request;
  }

  /** Makes the call's context current on this thread until {@link #closeScope} or {@link #end}; returns this. */
  public ClientCall<REQ, RES> makeCurrent() {
    closeScope();
    scope = context.makeCurrent();
    scopeOwner = Thread.currentThread();
    return this;
  }

  /**
   * Restores the caller's context if this thread made the call current (the span goes on, e.g. until an
   * async response). On any other thread it does nothing: the owner still has to close it.
   */
  public void closeScope() {
    Scope s = scope;
    if (s != null && scopeOwner == Thread.currentThread()) {
      scope = null;
      scopeOwner = null;
      s.close();
    }
  }

  /**
   * Closes the scope if this thread opened it, then ends the span with the response (null if none) or the
   * failure (null if none); only the first end counts. An async completion may end the call on another
   * thread before the caller's thread has left: that thread's scope stays its own to close.
   */
  public void end(RES response, Throwable thrown) {
    closeScope();
    if (ENDED.compareAndSet(this, 0, 1)) {
      tracer.end(context, request, response, thrown);
    }
  }

  public boolean isEnded() {
    return ended != 0;
  }
}
