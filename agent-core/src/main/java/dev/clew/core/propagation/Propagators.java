package dev.clew.core.propagation;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the propagator named by {@code otel.propagators} (default {@code tracecontext,baggage}):
 * {@code tracecontext}, {@code baggage}, {@code b3}, {@code b3multi}, {@code jaeger}, or {@code none}
 * (propagation off, whatever else is listed). Unknown names log a warning and are skipped; a name
 * listed twice counts once. The result is always a {@link CompositePropagator}, which also keeps a
 * misbehaving format from throwing into the application. {@link #global()} is the one the agent
 * configured, for instrumentation to inject and extract with.
 */
public final class Propagators {
  public static final List<String> DEFAULT = Arrays.asList("tracecontext", "baggage");

  private static volatile TextMapPropagator global = TextMapPropagator.noop();

  private Propagators() {}

  /** The propagator the agent configured; before it starts (and when it is disabled), one that does nothing. */
  public static TextMapPropagator global() {
    return global;
  }

  public static void setGlobal(TextMapPropagator propagator) {
    global = propagator;
  }

  public static TextMapPropagator fromConfig(Config config) {
    return fromNames(config.getList("otel.propagators", DEFAULT));
  }

  static TextMapPropagator fromNames(List<String> names) {
    List<TextMapPropagator> list = new ArrayList<>();
    for (String raw : names) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if ("none".equals(name)) {
        if (names.size() > 1) {
          AgentLog.warn("otel.propagators lists 'none' with other propagators; propagation is off");
        }
        return TextMapPropagator.noop();
      }
      TextMapPropagator p = byName(name);
      if (p == null) {
        AgentLog.warn("unknown propagator '" + raw + "' in otel.propagators; skipped");
      } else if (!list.contains(p)) {
        list.add(p);
      }
    }
    return new CompositePropagator(list);
  }

  static TextMapPropagator byName(String name) {
    switch (name) {
      case "tracecontext":
        return W3CTraceContextPropagator.INSTANCE;
      case "baggage":
        return W3CBaggagePropagator.INSTANCE;
      case "b3":
        return B3Propagator.SINGLE;
      case "b3multi":
        return B3Propagator.MULTI;
      case "jaeger":
        return JaegerPropagator.INSTANCE;
      default:
        return null;
    }
  }
}
