package dev.clew.instrumentation.okhttp;

import dev.clew.core.context.Context;
import dev.clew.core.context.Scope;
import dev.clew.core.instrument.http.ClientCall;
import dev.clew.core.instrument.http.HttpClientTracer;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Owns the span of a call, from the tracing interceptor; and the hand-over of context to enqueued calls. */
public final class OkHttpTracer {
  private static final HttpClientTracer<Request, Response> TRACER =
      new HttpClientTracer<>("clew.okhttp", OkHttpAttributes.INSTANCE, OkHttpInstrumentationModule.settings());
  /** Contexts of enqueued calls until the dispatcher runs them; weak for calls cancelled before that. */
  private static final Map<Call, Context> ENQUEUED = Collections.synchronizedMap(new WeakHashMap<Call, Context>());

  private OkHttpTracer() {}

  /** Records the caller's context for the call and returns the callback to use instead. */
  public static Callback enqueue(Call call, Callback callback) {
    Context context = Context.current();
    if (context.isRoot() || callback == null) {
      return callback;
    }
    ENQUEUED.put(call, context);
    return new ContextCallback(context, callback);
  }

  static Response intercept(Interceptor.Chain chain) throws IOException {
    Context parent = ENQUEUED.remove(chain.call());
    if (parent == null) {
      parent = Context.current();
    }
    Request request = chain.request();
    if (!TRACER.shouldStart(parent)) {
      return chain.proceed(request);
    }
    ClientCall<Request, Response> call = TRACER.start(parent, request);
    Request.Builder traced = request.newBuilder();
    TRACER.inject(call.context(), traced, OkHttpHeaders.INSTANCE);
    Response response;
    try {
      call.makeCurrent();
      response = chain.proceed(traced.build());
    } catch (IOException | RuntimeException | Error e) {
      call.end(null, e);
      throw e;
    }
    call.end(response, null);
    return response;
  }

  /** Runs the application's callback with the context that was current at {@code enqueue}. */
  static final class ContextCallback implements Callback {
    private final Context context;
    private final Callback delegate;

    ContextCallback(Context context, Callback delegate) {
      this.context = context;
      this.delegate = delegate;
    }

    @Override
    public void onFailure(Call call, IOException e) {
      try (Scope ignored = context.makeCurrent()) {
        delegate.onFailure(call, e);
      }
    }

    @Override
    public void onResponse(Call call, Response response) throws IOException {
      try (Scope ignored = context.makeCurrent()) {
        delegate.onResponse(call, response);
      }
    }
  }
}
