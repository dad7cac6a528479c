package dev.clew.instrumentation.javahttpclient;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.CallDepth;
import dev.clew.core.instrument.http.ClientCall;
import dev.clew.core.instrument.http.HttpClientTracer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Owns the span of a {@code send}/{@code sendAsync} call. The facade delegates to the client and
 * {@code send} calls {@code sendAsync}: a per-thread depth keeps only the application's call.
 * Enter returns {@code [request to use, ClientCall or null]}.
 */
public final class JavaHttpClientTracer {
  private static final HttpClientTracer<TracedHttpRequest, HttpResponse<?>> TRACER =
      new HttpClientTracer<>("clew.java-http-client", JavaHttpClientAttributes.INSTANCE,
          JavaHttpClientInstrumentationModule.settings(), TracedHttpRequest.SETTER);
  private static final CallDepth DEPTH = CallDepth.forFamily("java-http-client");

  private JavaHttpClientTracer() {}

  public static Object[] enter(HttpRequest request) {
    if (DEPTH.getAndIncrement() > 0 || request == null) {
      return new Object[] {request, null};
    }
    Context parent = Context.current();
    if (!TRACER.shouldStart(parent)) {
      return new Object[] {request, null};
    }
    TracedHttpRequest traced = new TracedHttpRequest(request);
    return new Object[] {traced, TRACER.start(parent, traced).makeCurrent()};
  }

  public static void exitSend(Object[] state, HttpResponse<?> response, Throwable thrown) {
    ClientCall<TracedHttpRequest, HttpResponse<?>> call = leave(state);
    if (call != null) {
      call.end(response, thrown);
    }
  }

  /** Returns the future the application gets: completed after the span ended, with the caller's context current. */
  public static Object exitSendAsync(Object[] state, CompletableFuture<?> future, Throwable thrown) {
    ClientCall<TracedHttpRequest, HttpResponse<?>> call = leave(state);
    if (call == null) {
      return future;
    }
    if (thrown != null || future == null) {
      call.end(null, thrown);
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

  private static void complete(ClientCall<TracedHttpRequest, HttpResponse<?>> call, CompletableFuture<Object> result,
      Object response, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    call.end((HttpResponse<?>) response, cause);
    try (Scope ignored = call.parent().makeCurrent()) {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(response);
      }
    }
  }

  private static ClientCall<TracedHttpRequest, HttpResponse<?>> leave(Object[] state) {
    DEPTH.decrementAndGet();
    ClientCall<TracedHttpRequest, HttpResponse<?>> call = state == null ? null : ClientCall.fromState(state[1]);
    if (call != null) {
      call.closeScope();
    }
    return call;
  }
}
