package dev.clew.core.instrument.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.core.config.Config;
import dev.clew.core.context.Context;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.propagation.TextMapPropagator;
import dev.clew.core.propagation.W3CTraceContextPropagator;
import dev.clew.core.sampling.AlwaysOnSampler;
import dev.clew.core.trace.Attributes;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.RecordingSpan;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanKind;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.StatusCode;
import dev.clew.core.trace.TracerProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state of one outgoing call: started, made current, ended once from whichever thread completes it. */
class ClientCallTest {
  /** A request is a header map with the method and URL in it; the response is its status code. */
  private static final HttpClientAdapter<Map<String, String>, Integer> ADAPTER =
      new HttpClientAdapter<Map<String, String>, Integer>() {
        @Override
        public String method(Map<String, String> request) {
          return request.get(":method");
        }

        @Override
        public String url(Map<String, String> request) {
          return "http://example.test:8080/orders";
        }

        @Override
        public String serverAddress(Map<String, String> request) {
          return "example.test";
        }

        @Override
        public int serverPort(Map<String, String> request) {
          return 8080;
        }

        @Override
        public int statusCode(Integer response) {
          return response;
        }

        @Override
        public String protocolVersion(Map<String, String> request, Integer response) {
          return "1.1";
        }
      };
  private static final HttpClientTracer<Map<String, String>, Integer> TRACER =
      new HttpClientTracer<>("clew.test", ADAPTER, HttpSettings.fromConfig(Config.of(Map.of())), Map::put);

  private final List<RecordingSpan> ended = new CopyOnWriteArrayList<>();
  private TracerProvider previous;
  private TextMapPropagator previousPropagator;

  @BeforeEach
  void install() {
    previous = TracerProvider.global();
    previousPropagator = Propagators.global();
    SpanProcessor collect = new SpanProcessor() {
      @Override
      public void onEnd(RecordingSpan span) {
        ended.add(span);
      }
    };
    TracerProvider.setGlobal(new TracerProvider(new Resource(Attributes.unlimited()), AlwaysOnSampler.INSTANCE,
        SpanLimits.defaults(), List.of(collect), new ExportStats()));
    Propagators.setGlobal(W3CTraceContextPropagator.INSTANCE);
  }

  @AfterEach
  void restore() {
    TracerProvider.setGlobal(previous);
    Propagators.setGlobal(previousPropagator);
  }

  private static Map<String, String> request() {
    Map<String, String> r = new HashMap<>();
    r.put(":method", "GET");
    return r;
  }

  @Test
  void aCallIsAClientSpanInjectedIntoTheRequestAndCurrentUntilItEnds() {
    Map<String, String> request = request();
    Context parent = Context.current();
    ClientCall<Map<String, String>, Integer> call = TRACER.start(parent, request).makeCurrent();
    Span span = Span.fromContext(call.context());
    assertSame(span, Span.current());
    assertSame(parent, call.parent());
    assertSame(request, call.request());
    assertEquals("00-" + span.spanContext().traceIdHex() + "-" + span.spanContext().spanIdHex() + "-01",
        request.get("traceparent"));
    assertFalse(TRACER.shouldStart(Context.current()), "no client span inside a client span");

    call.end(503, null);
    assertSame(parent, Context.current(), "end closed the scope");
    assertTrue(call.isEnded());
    assertEquals(1, ended.size());
    RecordingSpan s = ended.get(0);
    assertEquals(SpanKind.CLIENT, s.kind());
    assertEquals(StatusCode.ERROR, s.statusCode());
    assertEquals(503L, s.attributes().get("http.response.status_code"));
    assertEquals("503", s.attributes().get("error.type"));
  }

  @Test
  void onlyTheFirstEndCounts() {
    ClientCall<Map<String, String>, Integer> call = TRACER.start(Context.current(), request());
    call.end(200, null);
    call.end(null, new IllegalStateException("late failure"));
    assertEquals(1, ended.size());
    assertEquals(StatusCode.UNSET, ended.get(0).statusCode());
    assertNull(ended.get(0).attributes().get("error.type"));
  }

  @Test
  void anEndOnAnotherThreadLeavesTheCallersScopeToTheCaller() throws Exception {
    Context before = Context.current();
    ClientCall<Map<String, String>, Integer> call = TRACER.start(before, request()).makeCurrent();
    Thread completion = new Thread(() -> {
      call.closeScope(); // not this thread's scope: nothing happens
      call.end(200, null);
    });
    completion.start();
    completion.join();
    assertEquals(1, ended.size(), "ended on the completing thread");
    assertSame(call.context(), Context.current(), "the caller's scope is still open");
    call.closeScope();
    assertSame(before, Context.current());
  }

  @Test
  void aResumedCallEndsTheSpanItsContextHolds() {
    ClientCall<Map<String, String>, Integer> first = TRACER.start(Context.current(), request()).makeCurrent();
    first.closeScope();
    ClientCall<Map<String, String>, Integer> again = TRACER.resume(first.context(), first.request()).makeCurrent();
    assertNull(again.parent());
    assertSame(Span.fromContext(first.context()), Span.current());
    again.end(200, null);
    assertEquals(1, ended.size());
    assertEquals(Span.fromContext(first.context()).spanContext(), ended.get(0).spanContext());
  }

  @Test
  void stateThatIsNotACallIsNoCall() {
    assertNull(ClientCall.fromState(null));
    assertNull(ClientCall.fromState(new Object[0]));
  }
}
