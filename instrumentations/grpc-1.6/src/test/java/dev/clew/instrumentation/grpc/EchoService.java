package dev.clew.instrumentation.grpc;

import dev.clew.testing.http.TracedWork;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A gRPC service written by hand, as generated stubs would describe it: {@code clew.test.Echo} with one
 * method of each kind and String messages. Its handlers call {@link TracedWork#work} (an INTERNAL span
 * in these tests) wherever the service's own code runs, to show which context is current there.
 * <ul>
 *   <li>{@code Unary}: {@code work(request)}; {@code not-found} answers NOT_FOUND, {@code boom} throws,
 *       {@code slow} waits until the call is cancelled, {@code offload} answers from an application pool</li>
 *   <li>{@code ServerStream}: {@code work("stream")}, then as many messages as the request says</li>
 *   <li>{@code ClientStream}: {@code work(message)} per message, answers the count</li>
 *   <li>{@code Bidi}: answers {@code work(message)} per message</li>
 * </ul>
 */
final class EchoService {
  static final String NAME = "clew.test.Echo";
  static final MethodDescriptor<String, String> UNARY = method(MethodDescriptor.MethodType.UNARY, "Unary");
  static final MethodDescriptor<String, String> SERVER_STREAM =
      method(MethodDescriptor.MethodType.SERVER_STREAMING, "ServerStream");
  static final MethodDescriptor<String, String> CLIENT_STREAM =
      method(MethodDescriptor.MethodType.CLIENT_STREAMING, "ClientStream");
  static final MethodDescriptor<String, String> BIDI = method(MethodDescriptor.MethodType.BIDI_STREAMING, "Bidi");
  /** Not served: the server answers UNIMPLEMENTED. */
  static final MethodDescriptor<String, String> MISSING = method(MethodDescriptor.MethodType.UNARY, "Missing");

  /** The application's own pool, to which {@code offload} hands its work. */
  private static final ExecutorService APP_POOL = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "echo-app-pool");
    t.setDaemon(true);
    return t;
  });

  private EchoService() {}

  static MethodDescriptor<String, String> method(MethodDescriptor.MethodType type, String name) {
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, name))
        .setRequestMarshaller(Utf8.INSTANCE)
        .setResponseMarshaller(Utf8.INSTANCE)
        .build();
  }

  static ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(NAME)
        .addMethod(UNARY, ServerCalls.asyncUnaryCall(EchoService::unary))
        .addMethod(SERVER_STREAM, ServerCalls.asyncServerStreamingCall(EchoService::serverStream))
        .addMethod(CLIENT_STREAM, ServerCalls.asyncClientStreamingCall(EchoService::clientStream))
        .addMethod(BIDI, ServerCalls.asyncBidiStreamingCall(EchoService::bidi))
        .build();
  }

  private static void unary(String request, StreamObserver<String> response) {
    switch (request) {
      case "not-found" -> response.onError(Status.NOT_FOUND.withDescription("no such item").asRuntimeException());
      case "boom" -> throw new IllegalStateException("boom");
      case "slow" -> {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!io.grpc.Context.current().isCancelled() && System.nanoTime() < deadline) {
          sleep(10);
        }
      }
      case "offload" -> APP_POOL.execute(() -> {
        response.onNext(TracedWork.work(request));
        response.onCompleted();
      });
      default -> {
        response.onNext(TracedWork.work(request));
        response.onCompleted();
      }
    }
  }

  private static void serverStream(String request, StreamObserver<String> response) {
    TracedWork.work("stream");
    for (int i = 1, n = Integer.parseInt(request); i <= n; i++) {
      response.onNext("m" + i);
    }
    response.onCompleted();
  }

  private static StreamObserver<String> clientStream(StreamObserver<String> response) {
    return new StreamObserver<String>() {
      private int count;

      @Override
      public void onNext(String message) {
        TracedWork.work(message);
        count++;
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        response.onNext(Integer.toString(count));
        response.onCompleted();
      }
    };
  }

  private static StreamObserver<String> bidi(StreamObserver<String> response) {
    return new StreamObserver<String>() {
      @Override
      public void onNext(String message) {
        response.onNext(TracedWork.work(message));
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        response.onCompleted();
      }
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Messages are UTF-8 strings. */
  static final class Utf8 implements MethodDescriptor.Marshaller<String> {
    static final Utf8 INSTANCE = new Utf8();

    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
