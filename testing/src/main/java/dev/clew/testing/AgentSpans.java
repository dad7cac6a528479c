package dev.clew.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.clew.bootstrap.AdviceErrors;
import dev.clew.bootstrap.AgentLauncher;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spans the agent attached to this test JVM has finished ({@code -Dclew.testing.sink=true}), decoded
 * from OTLP protobuf with the official classes. Spans drained from the agent are collected here until
 * {@link #drain()} or {@link #clear()}; call {@link #clear()} before each test.
 */
public final class AgentSpans {
  private static final String SINK = "dev.clew.core.export.memory.InMemorySpanSink";
  private static final List<Span> collected = new ArrayList<>();
  private static final Map<Span, Resource> resources = new IdentityHashMap<>();
  private static final Map<Span, InstrumentationScope> scopes = new IdentityHashMap<>();
  private static Method drainMethod;
  private static Method clearMethod;

  private AgentSpans() {}

  /**
   * Waits until at least {@code atLeast} spans have been collected since the last clear/drain and returns
   * all of them (in the order they ended), without forgetting them. Fails with the names seen on timeout.
   */
  public static synchronized List<Span> awaitSpans(int atLeast, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      collect();
      if (collected.size() >= atLeast) {
        return List.copyOf(collected);
      }
      if (System.nanoTime() > deadline) {
        String hint = Boolean.getBoolean("clew.testing.sink") ? "" : " (-Dclew.testing.sink=true is not set)";
        throw new AssertionError("expected at least " + atLeast + " spans within " + timeout + ", got "
            + collected.size() + ": " + names(collected) + hint);
      }
      try {
        AgentSpans.class.wait(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for spans", e);
      }
    }
  }

  /**
   * Waits until at least {@code atLeast} spans have been collected, then until no further span has arrived
   * for {@code quiet} (a span that ends just after the awaited ones is seen, not missed), and returns them
   * all. Gives up waiting for quiet at {@code timeout} and returns what arrived by then.
   */
  public static synchronized List<Span> awaitQuiet(int atLeast, Duration quiet, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Span> spans = awaitSpans(atLeast, timeout);
    long quietUntil = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < quietUntil && System.nanoTime() < deadline) {
      try {
        AgentSpans.class.wait(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for spans", e);
      }
      collect();
      if (collected.size() != spans.size()) {
        spans = List.copyOf(collected);
        quietUntil = System.nanoTime() + quiet.toNanos();
      }
    }
    return spans;
  }

  /** Every span finished so far (collected and pending), forgetting them. */
  public static synchronized List<Span> drain() {
    collect();
    List<Span> all = List.copyOf(collected);
    forget();
    return all;
  }

  /** Forgets every span finished so far. */
  public static synchronized void clear() {
    invoke(clearMethod());
    forget();
  }

  /** The resource a span was exported with. */
  public static synchronized Resource resourceOf(Span span) {
    return require(resources.get(span), span);
  }

  /** The instrumentation scope a span was exported with. */
  public static synchronized InstrumentationScope scopeOf(Span span) {
    return require(scopes.get(span), span);
  }

  /** The only span with this name; fails if there is none or more than one. */
  public static Span span(List<Span> spans, String name) {
    List<Span> found = spansNamed(spans, name);
    if (found.size() != 1) {
      throw new AssertionError("expected one span named '" + name + "', found " + found.size() + " in " + names(spans));
    }
    return found.get(0);
  }

  public static List<Span> spansNamed(List<Span> spans, String name) {
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (s.getName().equals(name)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether {@code child} is a direct child of {@code parent} in the same trace. */
  public static boolean isChildOf(Span child, Span parent) {
    return child.getTraceId().equals(parent.getTraceId()) && child.getParentSpanId().equals(parent.getSpanId());
  }

  /** Lower-case hex of an id (trace, span or parent span id); empty for an absent id. */
  public static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  public static String traceId(Span span) {
    return hex(span.getTraceId());
  }

  public static String spanId(Span span) {
    return hex(span.getSpanId());
  }

  /** Empty for a root span. */
  public static String parentSpanId(Span span) {
    return hex(span.getParentSpanId());
  }

  /**
   * An attribute as a Java value: String, Boolean, Long, Double, or a List of those for arrays; null when
   * absent.
   */
  public static Object attribute(Span span, String key) {
    return attributes(span.getAttributesList()).get(key);
  }

  /**
   * Fails unless the span has exactly these attributes: every expected key, with an equal value (Java values
   * as {@link #attribute} returns them: {@code 8080L}, not {@code 8080}) or, where the expected value is
   * {@link #anyOf}, a value of that type; and no other key. The message lists what is missing, different and
   * extra. {@code thread.id} and {@code thread.name}, which the agent puts on every span it records
   * ({@code otel.javaagent.add-thread-details}), need not be expected: where the span has them and the expected
   * map does not name them, only their types are checked.
   */
  public static void assertAttributesExactly(Span span, Map<String, ?> expected) {
    Map<String, Object> actual = attributes(span.getAttributesList());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Class<?>> t : THREAD_DETAILS.entrySet()) {
      Object got = actual.get(t.getKey());
      if (!expected.containsKey(t.getKey()) && actual.containsKey(t.getKey())) {
        if (!t.getValue().isInstance(got)) {
          problems.add(t.getKey() + ": expected any " + t.getValue().getSimpleName() + " but was " + describe(got));
        }
        actual.remove(t.getKey());
      }
    }
    for (Map.Entry<String, ?> e : expected.entrySet()) {
      Object want = e.getValue();
      Object got = actual.get(e.getKey());
      if (!actual.containsKey(e.getKey())) {
        problems.add("missing " + e.getKey() + " = " + describe(want));
      } else if (want instanceof AnyOf ? !((AnyOf) want).type.isInstance(got) : !Objects.equals(want, got)) {
        problems.add(e.getKey() + ": expected " + describe(want) + " but was " + describe(got));
      }
    }
    for (Map.Entry<String, Object> e : actual.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        problems.add("unexpected " + e.getKey() + " = " + describe(e.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("attributes of span '" + span.getName() + "':\n  " + String.join("\n  ", problems)
          + "\n  all: " + actual);
    }
  }

  private static final Map<String, Class<?>> THREAD_DETAILS = Map.of("thread.id", Long.class, "thread.name",
      String.class);

  /** For {@link #assertAttributesExactly}: any value of this type (an ephemeral port, a thread id). */
  public static Object anyOf(Class<?> type) {
    return new AnyOf(type);
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "\"" + value + "\"";
    }
    return value == null || value instanceof AnyOf ? String.valueOf(value)
        : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private static final class AnyOf {
    final Class<?> type;

    AnyOf(Class<?> type) {
      this.type = type;
    }

    @Override
    public String toString() {
      return "any " + type.getSimpleName();
    }
  }

  /** Attributes (of a span, event, link, resource or scope) as an ordered map of Java values. */
  public static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return out;
  }

  /** An OTLP value as a Java value, as in {@link #attribute}. */
  public static Object value(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return v.getStringValue();
      case BOOL_VALUE:
        return v.getBoolValue();
      case INT_VALUE:
        return v.getIntValue();
      case DOUBLE_VALUE:
        return v.getDoubleValue();
      case ARRAY_VALUE:
        List<Object> list = new ArrayList<>();
        for (AnyValue e : v.getArrayValue().getValuesList()) {
          list.add(value(e));
        }
        return list;
      case BYTES_VALUE:
        return v.getBytesValue().toByteArray();
      case KVLIST_VALUE:
        return attributes(v.getKvlistValue().getValuesList());
      default:
        return null;
    }
  }

  /** Advice errors suppressed in this JVM so far; tests assert it stays 0. */
  public static long adviceErrors() {
    return AdviceErrors.count();
  }

  /** Span names, for failure messages. */
  public static List<String> names(List<Span> spans) {
    List<String> out = new ArrayList<>();
    for (Span s : spans) {
      out.add(s.getName());
    }
    return out;
  }

  private static void collect() {
    byte[] bytes = (byte[]) invoke(drainMethod());
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("the agent's OTLP encoding does not decode", e);
    }
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          collected.add(s);
          resources.put(s, rs.getResource());
          scopes.put(s, ss.getScope());
        }
      }
    }
  }

  private static void forget() {
    collected.clear();
    resources.clear();
    scopes.clear();
  }

  private static <T> T require(T value, Span span) {
    if (value == null) {
      throw new IllegalArgumentException("span " + span.getName() + " was not returned by AgentSpans");
    }
    return value;
  }

  private static Method drainMethod() {
    if (drainMethod == null) {
      drainMethod = sinkMethod("drainOtlpProtobuf");
    }
    return drainMethod;
  }

  private static Method clearMethod() {
    if (clearMethod == null) {
      clearMethod = sinkMethod("clear");
    }
    return clearMethod;
  }

  private static Method sinkMethod(String name) {
    ClassLoader agent = AgentLauncher.agentClassLoader();
    if (agent == null) {
      throw new IllegalStateException("the clew agent is not attached to this JVM (no agent class loader); "
          + "run with -javaagent and -Dclew.testing.sink=true");
    }
    try {
      return Class.forName(SINK, true, agent).getMethod(name);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the agent has no span sink " + SINK, e);
    }
  }

  private static Object invoke(Method m) {
    try {
      return m.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach the agent's span sink", e);
    }
  }
}
