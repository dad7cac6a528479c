package dev.clew.instrumentation.grpc;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.parentSpanId;
import static dev.clew.testing.AgentSpans.spanId;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.TracedCode;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gRPC instrumentation must do, whatever the transport: a subclass says how to build a server and
 * a channel to it (Netty over loopback, in-process), with the builders applications use; the module's
 * tests configure the agent with {@code otel.propagators=tracecontext,baggage,b3multi,jaeger}, method
 * tracing of {@code TracedWork.work} and {@code TracedCode.run/call}, and {@code x-tenant} as captured
 * request metadata on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrpcSuite {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final String UNARY = "clew.test.Echo/Unary";
  private static final String WORK = "TracedWork.work";

  private final List<AutoCloseable> resources = new ArrayList<>();
  private Server server;
  private ManagedChannel channel;

  /** A builder for a server reachable at {@code name} (in-process) or on a free loopback port (network). */
  protected abstract ServerBuilder<?> serverBuilder(String name) throws Exception;

  /** A plaintext channel builder for the server built from {@link #serverBuilder} with the same name. */
  protected abstract ManagedChannelBuilder<?> channelBuilder(String name, Server server) throws Exception;

  /** True for a network transport: spans carry the connected peer's address and port. */
  protected abstract boolean hasNetworkPeer();

  /** The {@code server.address} (and port, or -1) the client span reports for {@code server}. */
  protected abstract String serverAddress();

  protected abstract int serverPort(Server server);

  @BeforeAll
  void start() throws Exception {
    server = start(serverBuilder("echo").addService(EchoService.definition()));
    channel = open(channelBuilder("echo", server));
  }

  @AfterAll
  void stop() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable r : resources) {
      r.close();
    }
  }

  @BeforeEach
  void clearSpans() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AgentSpans.adviceErrors(), "advice errors were suppressed");
  }

  @Test
  void runsAgainstTheExpectedGrpcVersion() {
    assertEquals(System.getProperty("grpc.expected"), grpcVersion());
  }

  @Test
  void unaryCallIsOneClientAndOneServerSpanInTheCallersTrace() throws Exception {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER), "acme");
    String reply = TracedCode.call(() -> ClientCalls.blockingUnaryCall(
        io.grpc.ClientInterceptors.intercept(channel, new OnClientStart(headers -> headers.merge(metadata))), EchoService.UNARY, CallOptions.DEFAULT,
        "hello"));
    assertEquals("HELLO", reply);

    List<Span> spans = awaitCall();
    Span caller = AgentSpans.span(spans, "TracedCode.call");
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(UNARY, client.getName());
    assertEquals(UNARY, server.getName());
    assertTrue(isChildOf(client, caller), "the client span is a child of the caller's span");
    assertTrue(isChildOf(server, client), "the server span continues the trace from the metadata");
    assertTrue(isChildOf(AgentSpans.span(spans, WORK), server), "the service method runs in the server span");
    assertEquals(4, spans.size(), () -> AgentSpans.names(spans).toString());

    for (Span s : List.of(client, server)) {
      assertEquals("grpc", attribute(s, "rpc.system"));
      assertEquals("clew.test.Echo", attribute(s, "rpc.service"));
      assertEquals("Unary", attribute(s, "rpc.method"));
      assertEquals(0L, attribute(s, "rpc.grpc.status_code"));
      assertEquals(StatusCode.STATUS_CODE_UNSET, s.getStatus().getCode());
      assertNull(attribute(s, "error.type"));
      assertEquals(List.of("acme"), attribute(s, "rpc.grpc.request.metadata.x-tenant"));
      assertEquals("clew.grpc", AgentSpans.scopeOf(s).getName());
      assertEquals(0, s.getEventsCount(), "no message events unless switched on");
    }
    assertEquals(serverAddress(), attribute(client, "server.address"));
    int port = serverPort(this.server);
    assertEquals(port > 0 ? (Object) (long) port : null, attribute(client, "server.port"));
    if (hasNetworkPeer()) {
      if (clientKnowsItsPeer()) {
        assertEquals("127.0.0.1", attribute(client, "network.peer.address"));
        assertEquals((long) port, attribute(client, "network.peer.port"));
      }
      assertEquals("127.0.0.1", attribute(server, "network.peer.address"));
      assertEquals("127.0.0.1", attribute(server, "client.address"));
      assertTrue(attribute(server, "network.peer.port") instanceof Long);
      assertEquals(serverAddress(), attribute(server, "server.address"));
      assertEquals((long) port, attribute(server, "server.port"));
    } else {
      assertNull(attribute(client, "network.peer.address"));
      assertNull(attribute(server, "network.peer.address"));
    }
  }

  @Test
  void everyConfiguredFormatIsInjectedIntoTheMetadata() throws Exception {
    List<Metadata> received = new CopyOnWriteArrayList<>();
    ManagedChannel recorded = open(channelBuilder("recorded", start(serverBuilder("recorded")
        .addService(ServerInterceptors.intercept(EchoService.definition(), new OnServerCall(received::add))))));
    ClientCalls.blockingUnaryCall(recorded, EchoService.UNARY, CallOptions.DEFAULT, "hello");

    Span client = only(awaitCall(), SpanKind.SPAN_KIND_CLIENT);
    String trace = traceId(client);
    String span = spanId(client);
    assertEquals(1, received.size());
    Metadata m = received.get(0);
    assertEquals("00-" + trace + "-" + span + "-01", m.get(key("traceparent")));
    assertEquals(trace, m.get(key("x-b3-traceid")));
    assertEquals(span, m.get(key("x-b3-spanid")));
    assertEquals("1", m.get(key("x-b3-sampled")));
    assertTrue(m.get(key("uber-trace-id")).startsWith(trace + ":" + span + ":"), m::toString);
  }

  @Test
  void incomingB3AndJaegerContextsAreJoined() throws Exception {
    String trace = "463ac35c9f6413ad48485a3953bb6124";
    String parent = "a2fb4a1d1a96d312";
    call(withHeaders("x-b3-traceid", trace, "x-b3-spanid", parent, "x-b3-sampled", "1"));
    Span server = only(awaitCall(), SpanKind.SPAN_KIND_SERVER);
    assertEquals(trace, traceId(server));
    assertEquals(parent, parentSpanId(server));

    AgentSpans.clear();
    call(withHeaders("uber-trace-id", trace + ":" + parent + ":0:1"));
    server = only(awaitCall(), SpanKind.SPAN_KIND_SERVER);
    assertEquals(trace, traceId(server));
    assertEquals(parent, parentSpanId(server));
  }

  @Test
  void aCallWithoutContextStartsANewTraceOnTheServer() throws Exception {
    // a call made inside a span first, so transport threads may be created in some context
    TracedCode.call(() -> ClientCalls.blockingUnaryCall(channel, EchoService.UNARY, CallOptions.DEFAULT, "first"));
    awaitCall();
    AgentSpans.clear();

    call(withHeaders());
    Span server = only(awaitCall(), SpanKind.SPAN_KIND_SERVER);
    assertEquals("", parentSpanId(server), "no context in the metadata: a root span, whatever the thread held");
  }

  @Test
  void serverStreamingKeepsTheCallersContextInTheObserver() throws Exception {
    List<String> seenIn = new CopyOnWriteArrayList<>();
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    String[] caller = new String[1];
    TracedCode.run(() -> {
      caller[0] = TracedCode.spanId();
      ClientCalls.asyncServerStreamingCall(channel.newCall(EchoService.SERVER_STREAM, CallOptions.DEFAULT), "3",
          new Collect(done, seenIn));
    });
    assertEquals(List.of("m1", "m2", "m3"), done.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(caller[0], caller[0], caller[0], caller[0]), seenIn,
        "onNext and onCompleted run in the caller's context");

    List<Span> spans = awaitCall();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals("clew.test.Echo/ServerStream", client.getName());
    assertTrue(isChildOf(client, AgentSpans.span(spans, "TracedCode.run")));
    assertTrue(isChildOf(server, client));
    assertTrue(isChildOf(AgentSpans.span(spans, WORK), server));
    assertEquals(0L, attribute(client, "rpc.grpc.status_code"));
  }

  @Test
  void clientStreamingRunsEachMessageInTheServerSpan() throws Exception {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    StreamObserver<String> requests =
        ClientCalls.asyncClientStreamingCall(channel.newCall(EchoService.CLIENT_STREAM, CallOptions.DEFAULT),
            new Collect(done, null));
    requests.onNext("a");
    requests.onNext("b");
    requests.onNext("c");
    requests.onCompleted();
    assertEquals(List.of("3"), done.get(10, TimeUnit.SECONDS));

    List<Span> spans = await(s -> AgentSpans.spansNamed(s, WORK).size() == 3 && kind(s, SpanKind.SPAN_KIND_SERVER).size() == 1);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals("clew.test.Echo/ClientStream", server.getName());
    assertTrue(isChildOf(server, only(spans, SpanKind.SPAN_KIND_CLIENT)));
    for (Span work : AgentSpans.spansNamed(spans, WORK)) {
      assertTrue(isChildOf(work, server), "each message is handled in the server span");
    }
    assertEquals(5, spans.size(), () -> AgentSpans.names(spans).toString());
  }

  @Test
  void bidiStreamingIsOneSpanPerSide() throws Exception {
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    StreamObserver<String> requests =
        ClientCalls.asyncBidiStreamingCall(channel.newCall(EchoService.BIDI, CallOptions.DEFAULT), new Collect(done, null));
    requests.onNext("x");
    requests.onNext("y");
    requests.onCompleted();
    assertEquals(List.of("X", "Y"), done.get(10, TimeUnit.SECONDS));

    List<Span> spans = await(s -> AgentSpans.spansNamed(s, WORK).size() == 2 && kind(s, SpanKind.SPAN_KIND_SERVER).size() == 1);
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals("clew.test.Echo/Bidi", client.getName());
    assertEquals("Bidi", attribute(server, "rpc.method"));
    assertTrue(isChildOf(server, client));
    assertEquals(0L, attribute(server, "rpc.grpc.status_code"));
  }

  @Test
  void notFoundIsAnErrorForTheClientOnly() throws Exception {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(channel, "not-found"));
    assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());

    List<Span> spans = awaitBothSides();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(5L, attribute(client, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, client.getStatus().getCode());
    assertEquals("no such item", client.getStatus().getMessage());
    assertEquals("NOT_FOUND", attribute(client, "error.type"));
    assertEquals(5L, attribute(server, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode(), "NOT_FOUND is the caller's problem");
    assertNull(attribute(server, "error.type"));
  }

  @Test
  void anExceptionInTheServiceIsAnErrorOnBothSides() throws Exception {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(channel, "boom"));
    assertEquals(Status.Code.UNKNOWN, e.getStatus().getCode());

    List<Span> spans = awaitBothSides();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(2L, attribute(client, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, client.getStatus().getCode());
    assertEquals(2L, attribute(server, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode());
    assertEquals("UNKNOWN", attribute(server, "error.type"));
    assertEquals(1, server.getEventsCount());
    Map<String, Object> event = AgentSpans.attributes(server.getEvents(0).getAttributesList());
    assertEquals("exception", server.getEvents(0).getName());
    assertEquals("java.lang.IllegalStateException", event.get("exception.type"));
    assertEquals("boom", event.get("exception.message"));
  }

  @Test
  void deadlineExceededEndsBothSpans() throws Exception {
    // long enough for the server to start the call first on a busy machine: gRPC 1.85 drops a call whose deadline
    // passed before its handler was looked up, and then there is no server span to end
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel,
        EchoService.UNARY, CallOptions.DEFAULT.withDeadlineAfter(3, TimeUnit.SECONDS), "slow"));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());

    List<Span> spans = awaitBothSides();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(4L, attribute(client, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, client.getStatus().getCode());
    assertEquals("DEADLINE_EXCEEDED", attribute(client, "error.type"));
    assertTrue(isChildOf(server, client));
    // the server learns of it from its own deadline timer or from the client's cancellation, whichever comes first
    Object serverCode = attribute(server, "rpc.grpc.status_code");
    assertTrue(serverCode.equals(4L) || serverCode.equals(1L), "DEADLINE_EXCEEDED or CANCELLED: " + serverCode);
    assertEquals(serverCode.equals(4L) ? StatusCode.STATUS_CODE_ERROR : StatusCode.STATUS_CODE_UNSET,
        server.getStatus().getCode());
  }

  @Test
  void cancellationEndsBothSpans() throws Exception {
    ClientCall<String, String> call = channel.newCall(EchoService.BIDI, CallOptions.DEFAULT);
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Status> closed = new CompletableFuture<>();
    call.start(new ClientCall.Listener<String>() {
      @Override
      public void onMessage(String message) {
        first.complete(message);
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        closed.complete(status);
      }
    }, new Metadata());
    call.request(10);
    call.sendMessage("ping");
    assertEquals("PING", first.get(10, TimeUnit.SECONDS));
    call.cancel("the caller gave up", null);
    assertEquals(Status.Code.CANCELLED, closed.get(10, TimeUnit.SECONDS).getCode());

    List<Span> spans = awaitBothSides();
    Span client = only(spans, SpanKind.SPAN_KIND_CLIENT);
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    assertEquals(1L, attribute(client, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, client.getStatus().getCode());
    assertEquals(1L, attribute(server, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode(), "a cancelled call is no server error");
  }

  @Test
  void unimplementedMethodIsAClientErrorWithoutServerSpan() throws Exception {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, EchoService.MISSING, CallOptions.DEFAULT, "x"));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
    Span client = only(await(s -> !kind(s, SpanKind.SPAN_KIND_CLIENT).isEmpty()), SpanKind.SPAN_KIND_CLIENT);
    assertEquals("clew.test.Echo/Missing", client.getName());
    assertEquals(12L, attribute(client, "rpc.grpc.status_code"));
    assertEquals(StatusCode.STATUS_CODE_ERROR, client.getStatus().getCode());
    assertTrue(kind(AgentSpans.awaitSpans(1, java.time.Duration.ofSeconds(1)), SpanKind.SPAN_KIND_SERVER).isEmpty(),
        "gRPC rejects an unknown method before any interceptor runs");
  }

  @Test
  void futureStubListenersRunInTheCallersContext() throws Exception {
    CompletableFuture<String> seenIn = new CompletableFuture<>();
    String caller = TracedCode.call(() -> {
      ListenableFuture<String> future =
          ClientCalls.futureUnaryCall(channel.newCall(EchoService.UNARY, CallOptions.DEFAULT), "future");
      future.addListener(() -> seenIn.complete(TracedCode.spanId()), MoreExecutors.directExecutor());
      return TracedCode.spanId();
    });
    assertEquals(caller, seenIn.get(10, TimeUnit.SECONDS));
    List<Span> spans = awaitCall();
    assertTrue(isChildOf(only(spans, SpanKind.SPAN_KIND_CLIENT), AgentSpans.span(spans, "TracedCode.call")));
  }

  @Test
  void workTheServiceHandsToItsOwnPoolStaysInTheServerSpan() throws Exception {
    assertEquals("OFFLOAD", call(channel, "offload"));
    List<Span> spans = awaitCall();
    Span server = only(spans, SpanKind.SPAN_KIND_SERVER);
    Span work = AgentSpans.span(spans, WORK);
    assertTrue(isChildOf(work, server), "the executors module carries the server span to the pool");
    assertTrue(server.getEndTimeUnixNano() >= work.getEndTimeUnixNano(), "the server span ends when the pool answers");
  }

  @ParameterizedTest(name = "{0} executor")
  @ValueSource(strings = {"custom", "direct"})
  void contextCrossesTheExecutorsGrpcRunsCallbacksOn(String executor) throws Exception {
    ExecutorService serverPool = Executors.newFixedThreadPool(2);
    ExecutorService clientPool = Executors.newFixedThreadPool(2);
    resources.add(serverPool::shutdownNow);
    resources.add(clientPool::shutdownNow);
    ServerBuilder<?> sb = serverBuilder("executor-" + executor).addService(EchoService.definition());
    Server s = start("direct".equals(executor) ? sb.directExecutor() : sb.executor(serverPool));
    ManagedChannelBuilder<?> cb = channelBuilder("executor-" + executor, s);
    ManagedChannel c = open("direct".equals(executor) ? cb.directExecutor() : cb.executor(clientPool));

    CompletableFuture<List<String>> done = new CompletableFuture<>();
    List<String> seenIn = new CopyOnWriteArrayList<>();
    String caller = TracedCode.call(() -> {
      ClientCalls.asyncUnaryCall(c.newCall(EchoService.UNARY, CallOptions.DEFAULT), "pooled", new Collect(done, seenIn));
      return TracedCode.spanId();
    });
    assertEquals(List.of("POOLED"), done.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(caller, caller), seenIn);
    List<Span> spans = awaitCall();
    assertTrue(isChildOf(AgentSpans.span(spans, WORK), only(spans, SpanKind.SPAN_KIND_SERVER)));
    assertTrue(isChildOf(only(spans, SpanKind.SPAN_KIND_SERVER), only(spans, SpanKind.SPAN_KIND_CLIENT)));
  }

  @Test
  void applicationInterceptorsKeepTheirOrderAndRunInsideTheSpans() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    ServerBuilder<?> sb = serverBuilder("ordered")
        .addService(ServerInterceptors.intercept(EchoService.definition(), serverStep("service", order)))
        .intercept(serverStep("server-1", order))
        .intercept(serverStep("server-2", order));
    ManagedChannel c = open(channelBuilder("ordered", start(sb))
        .intercept(clientStep("client-1", order), clientStep("client-2", order)));
    assertEquals("ORDER", call(c, "order"));

    List<Span> spans = awaitCall();
    String client = spanId(only(spans, SpanKind.SPAN_KIND_CLIENT));
    String server = spanId(only(spans, SpanKind.SPAN_KIND_SERVER));
    // gRPC runs the interceptor added last first; each saw the span of its side current (and the client
    // ones the context already in the metadata)
    assertEquals(List.of("client-2 " + client + " " + client, "client-1 " + client + " " + client,
        "server-2 " + server, "server-1 " + server, "service " + server), order);
  }

  @Test
  void aBuilderBuiltTwiceTracesEachChannelOnce() throws Exception {
    Server s = start(serverBuilder("twice").addService(EchoService.definition()));
    ManagedChannelBuilder<?> builder = channelBuilder("twice", s);
    ManagedChannel first = open(builder);
    ManagedChannel second = open(builder);
    call(first, "one");
    call(second, "two");
    List<Span> spans = await(x -> AgentSpans.spansNamed(x, WORK).size() == 2 && kind(x, SpanKind.SPAN_KIND_SERVER).size() == 2);
    assertEquals(2, kind(spans, SpanKind.SPAN_KIND_CLIENT).size(), () -> AgentSpans.names(spans).toString());
    for (Span server : kind(spans, SpanKind.SPAN_KIND_SERVER)) {
      assertNotEquals("", parentSpanId(server));
    }
  }

  @Test
  void callsDoNotLeakContextIntoEachOther() throws Exception {
    call(channel, "one");
    call(channel, "two");
    List<Span> spans = await(x -> AgentSpans.spansNamed(x, WORK).size() == 2 && kind(x, SpanKind.SPAN_KIND_SERVER).size() == 2);
    List<Span> clients = kind(spans, SpanKind.SPAN_KIND_CLIENT);
    assertEquals(2, clients.size());
    assertEquals("", parentSpanId(clients.get(0)));
    assertEquals("", parentSpanId(clients.get(1)));
    assertNotEquals(traceId(clients.get(0)), traceId(clients.get(1)));
  }

  // --- helpers

  /** The version of grpc-core on the class path, from its jar's manifest. */
  static String grpcVersion() {
    return io.grpc.internal.GrpcUtil.class.getPackage().getImplementationVersion();
  }

  /** grpc-java 1.6's Netty client gives its calls no transport attributes: the client span has no peer there. */
  static boolean clientKnowsItsPeer() {
    return !grpcVersion().startsWith("1.6.");
  }

  Server start(ServerBuilder<?> builder) throws Exception {
    Server s = builder.build().start();
    resources.add(() -> {
      s.shutdownNow();
      s.awaitTermination(5, TimeUnit.SECONDS);
    });
    return s;
  }

  ManagedChannel open(ManagedChannelBuilder<?> builder) {
    ManagedChannel c = builder.build();
    resources.add(() -> {
      c.shutdownNow();
      c.awaitTermination(5, TimeUnit.SECONDS);
    });
    return c;
  }

  static String call(Channel channel, String request) {
    return ClientCalls.blockingUnaryCall(channel, EchoService.UNARY, CallOptions.DEFAULT, request);
  }

  /**
   * A unary call whose metadata carries exactly these propagation entries: the application's interceptor
   * on the channel builder runs after the agent's and replaces what it injected.
   */
  private void call(ClientInterceptor headers) throws Exception {
    call(open(channelBuilder("echo", server).intercept(headers)), "hello");
  }

  private static ClientInterceptor withHeaders(String... namesAndValues) {
    return new OnClientStart(headers -> {
      for (String name : List.of("traceparent", "tracestate", "baggage", "x-b3-traceid", "x-b3-spanid",
          "x-b3-sampled", "uber-trace-id")) {
        headers.removeAll(key(name));
      }
      for (int i = 0; i < namesAndValues.length; i += 2) {
        headers.put(key(namesAndValues[i]), namesAndValues[i + 1]);
      }
    });
  }

  /** Records, when a call passes it, its name and the span current then. */
  private static ServerInterceptor serverStep(String name, List<String> order) {
    return new OnServerCall(headers -> order.add(name + " " + TracedCode.spanId()));
  }

  /** Records, when a call starts through it, its name, the span current then and the one in the metadata. */
  private static ClientInterceptor clientStep(String name, List<String> order) {
    return new OnClientStart(headers -> {
      String traceparent = headers.get(key("traceparent"));
      order.add(name + " " + TracedCode.spanId() + " " + (traceparent == null ? null : traceparent.substring(36, 52)));
    });
  }

  static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  /** Waits until the spans finished so far satisfy {@code done}: server spans may end after the client has its answer. */
  static List<Span> await(Predicate<List<Span>> done) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (true) {
      List<Span> spans = AgentSpans.awaitSpans(0, java.time.Duration.ofSeconds(1));
      if (done.test(spans)) {
        return spans;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("spans did not arrive in time; got " + AgentSpans.names(spans));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The spans of one unary call that reached the service: both sides ended and the service's work done. */
  static List<Span> awaitCall() {
    return await(s -> has(s, WORK) && bothSides(s));
  }

  /** The spans of one call, once its client and server spans have ended. */
  static List<Span> awaitBothSides() {
    return await(GrpcSuite::bothSides);
  }

  private static boolean bothSides(List<Span> spans) {
    return kind(spans, SpanKind.SPAN_KIND_SERVER).size() == 1 && kind(spans, SpanKind.SPAN_KIND_CLIENT).size() == 1;
  }

  static boolean has(List<Span> spans, String name) {
    return !AgentSpans.spansNamed(spans, name).isEmpty();
  }

  static List<Span> kind(List<Span> spans, SpanKind kind) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (s.getKind() == kind) {
        out.add(s);
      }
    }
    return out;
  }

  static Span only(List<Span> spans, SpanKind kind) {
    List<Span> found = kind(spans, kind);
    assertEquals(1, found.size(), () -> "one " + kind + " span expected: " + AgentSpans.names(spans));
    return found.get(0);
  }

  /** Collects a call's responses; records the current span id in each callback when {@code seenIn} is given. */
  static final class Collect implements StreamObserver<String> {
    private final CompletableFuture<List<String>> done;
    private final List<String> seenIn;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    Collect(CompletableFuture<List<String>> done, List<String> seenIn) {
      this.done = done;
      this.seenIn = seenIn;
    }

    @Override
    public void onNext(String value) {
      seen();
      messages.add(value);
    }

    @Override
    public void onError(Throwable t) {
      seen();
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      seen();
      done.complete(List.copyOf(messages));
    }

    private void seen() {
      if (seenIn != null) {
        seenIn.add(String.valueOf(TracedCode.spanId()));
      }
    }
  }

  /** An application's client interceptor: runs {@code atStart} on the metadata as the call starts through it. */
  static final class OnClientStart implements ClientInterceptor {
    private final Consumer<Metadata> atStart;

    OnClientStart(Consumer<Metadata> atStart) {
      this.atStart = atStart;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
        CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT>(next.newCall(method, options)) {
        @Override
        public void start(Listener<RespT> listener, Metadata headers) {
          atStart.accept(headers);
          super.start(listener, headers);
        }
      };
    }
  }

  /** An application's server interceptor: runs {@code onCall} with each call's metadata as it passes. */
  static final class OnServerCall implements ServerInterceptor {
    private final Consumer<Metadata> onCall;

    OnServerCall(Consumer<Metadata> onCall) {
      this.onCall = onCall;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
        ServerCallHandler<ReqT, RespT> next) {
      onCall.accept(headers);
      return next.startCall(call, headers);
    }
  }
}
