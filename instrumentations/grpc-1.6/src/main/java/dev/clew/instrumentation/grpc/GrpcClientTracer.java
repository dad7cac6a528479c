package dev.clew.instrumentation.grpc;

import static dev.clew.core.semconv.SemanticAttributes.ERROR_TYPE;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.core.context.Context;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TracerProvider;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * Starts and ends the CLIENT span of one gRPC call and injects its context into the call's metadata
 * with every configured propagation format. Runs outside advice (in the interceptor), so it catches its
 * own failures and counts them with the advice errors: a tracing bug never fails a call.
 */
final class GrpcClientTracer {
  static final String SCOPE = "clew.grpc";

  private GrpcClientTracer() {}

  /** The call's span, a child of the caller's context; the invalid span if tracing failed. */
  static Span start(Context parent, GrpcAttributes.RpcMethod method, GrpcAttributes.Authority authority,
      Metadata headers) {
    try {
      SpanBuilder builder = TracerProvider.global().tracer(SCOPE).spanBuilder(method.fullName)
          .setSpanKind(SpanKind.CLIENT)
          .setParent(parent);
      GrpcAttributes.onStart(builder, method, authority);
      Span span = builder.startSpan();
      if (span.isRecording() && headers != null) {
        GrpcInstrumentationModule.clientRequestMetadata().capture(span, headers, GrpcMetadata.INSTANCE);
      }
      return span;
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return Span.invalid();
    }
  }

  /** Writes the call's context into its metadata and returns it (the caller's context if tracing failed). */
  static Context inject(Context parent, Span span, Metadata headers) {
    if (!span.spanContext().isValid()) {
      return parent;
    }
    try {
      Context context = parent.with(span);
      if (headers != null) {
        Propagators.global().inject(context, headers, GrpcMetadata.INSTANCE);
      }
      return context;
    } catch (Throwable t) {
      AdviceErrors.record(t);
      return parent;
    }
  }

  /** The call closed with {@code status}: records it and the peer the call went to, and ends the span. */
  static void end(Span span, Status status, ClientCall<?, ?> call) {
    if (!span.isRecording()) {
      span.end();
      return;
    }
    try {
      GrpcAttributes.onPeer(span, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), false);
      GrpcAttributes.onEnd(span, status.getCode(), status.getDescription(), status.getCause(), false);
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
    span.end();
  }

  /** {@code start} threw: the call never began, and no status will come. */
  static void endFailed(Span span, Throwable error) {
    try {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR, error.getMessage());
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
    span.end();
  }
}
