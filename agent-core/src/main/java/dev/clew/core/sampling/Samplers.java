package dev.clew.core.sampling;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;

/** Builds the sampler named by {@code otel.traces.sampler} / {@code otel.traces.sampler.arg}. */
public final class Samplers {
  private Samplers() {}

  public static Sampler fromConfig(Config config) {
    String name = config.getString("otel.traces.sampler", "parentbased_always_on").toLowerCase(java.util.Locale.ROOT);
    switch (name) {
      case "always_on":
        return AlwaysOnSampler.INSTANCE;
      case "always_off":
        return AlwaysOffSampler.INSTANCE;
      case "traceidratio":
        return new TraceIdRatioSampler(ratio(config));
      case "parentbased_always_on":
        return new ParentBasedSampler(AlwaysOnSampler.INSTANCE);
      case "parentbased_always_off":
        return new ParentBasedSampler(AlwaysOffSampler.INSTANCE);
      case "parentbased_traceidratio":
        return new ParentBasedSampler(new TraceIdRatioSampler(ratio(config)));
      default:
        AgentLog.warn("unknown sampler '" + name + "' in otel.traces.sampler; using parentbased_always_on");
        return new ParentBasedSampler(AlwaysOnSampler.INSTANCE);
    }
  }

  private static double ratio(Config config) {
    double r = config.getDouble("otel.traces.sampler.arg", 1.0);
    if (r < 0 || r > 1) {
      AgentLog.warn("invalid value '" + r + "' for otel.traces.sampler.arg: expected a ratio from 0 to 1; using 1.0");
      return 1.0;
    }
    return r;
  }
}
