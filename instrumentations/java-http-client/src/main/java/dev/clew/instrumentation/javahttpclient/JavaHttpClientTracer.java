package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.CallDepth;
import dev.clew.core.instrument.http.HttpClientTracer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Owns the span of a {@code send}/{@code sendAsync} call. The facade delegates to the client and
 * {@code send} calls {@code sendAsync}: a per-thread depth keeps only the application's call.
 * Enter returns {@code [request to use, Call or null]}.
 */
public final class JavaHttpClientTracer {
  private static final HttpClientTracer<TracedHttpRequest, HttpResponse<?>> TRACER =
      new HttpClientTracer<>("clew.java-http-client", JavaHttpClientAttributes.INSTANCE,
          JavaHttpClientInstrumentationModule.settings(), TracedHttpRequest.SETTER);
  private static final CallDepth DEPTH = CallDepth.forFamily("java-http-client");

  private JavaHttpClientTracer() {}

  static final class Call {
    final Context parent;
    final Context context;
    final TracedHttpRequest request;
    final Scope scope;

    Call(Context parent, Context context, TracedHttpRequest request, Scope scope) {
      this.parent = parent;
      this.context = context;
      this.request = request;
      this.scope = scope;
    }
  }

  public static Object[] enter(HttpRequest request) {
    if (DEPTH.getAndIncrement() > 0 || request == null) {
      return new Object[] {request, null};
    }
    Context parent = Context.current();
    if (!TRACER.shouldStart(parent)) {
      return new Object[] {request, null};
    }
    TracedHttpRequest traced = new TracedHttpRequest(request);
    Context context = TRACER.start(parent, traced);
    return new Object[] {traced, new Call(parent, context, traced, context.makeCurrent())};
  }

  public static void exitSend(Object[] state, HttpResponse<?> response, Throwable thrown) {
    Call call = leave(state);
    if (call != null) {
      TRACER.end(call.context, call.request, response, thrown);
    }
  }

  /** Returns the future the application gets: completed after the span ended, with the caller's context current. */
  public static Object exitSendAsync(Object[] state, CompletableFuture<?> future, Throwable thrown) {
    Call call = leave(state);
    if (call == null) {
      return future;
    }
    if (thrown != null || future == null) {
      TRACER.end(call.context, call.request, null, thrown);
      return future;
    }
    CompletableFuture<Object> result = new CompletableFuture<>();
    future.whenComplete((response, error) -> complete(call, result, response, error));
    result.whenComplete((response, error) -> {
      if (result.isCancelled()) {
        future.cancel(true);
      }
    });
    return result;
  }

  private static void complete(Call call, CompletableFuture<Object> result, Object response, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    TRACER.end(call.context, call.request, (HttpResponse<?>) response, cause);
    try (Scope ignored = call.parent.makeCurrent()) {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(response);
      }
    }
  }

  private static Call leave(Object[] state) {
    DEPTH.decrementAndGet();
    if (state == null || !(state[1] instanceof Call)) {
      return null;
    }
    Call call = (Call) state[1];
    call.scope.close();
    return call;
  }
}
