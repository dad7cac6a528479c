package dev.clew.core.propagation;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Builds the propagator named by {@code otel.propagators} (default {@code tracecontext,baggage}). */
public final class Propagators {
  private Propagators() {}

  public static TextMapPropagator fromConfig(Config config) {
    List<String> names = config.getList("otel.propagators", Arrays.asList("tracecontext", "baggage"));
    List<TextMapPropagator> list = new ArrayList<>();
    for (String raw : names) {
      String name = raw.toLowerCase(Locale.ROOT);
      if ("none".equals(name)) {
        return TextMapPropagator.noop();
      }
      TextMapPropagator p = byName(name);
      if (p == null) {
        AgentLog.warn("unknown propagator '" + raw + "' in otel.propagators; skipped");
      } else {
        list.add(p);
      }
    }
    return list.size() == 1 ? list.get(0) : new CompositePropagator(list);
  }

  static TextMapPropagator byName(String name) {
    switch (name) {
      case "tracecontext":
        return W3CTraceContextPropagator.INSTANCE;
      case "baggage":
        return TextMapPropagator.noop(); // W3C baggage lands with the propagation issue
      default:
        return null;
    }
  }
}
