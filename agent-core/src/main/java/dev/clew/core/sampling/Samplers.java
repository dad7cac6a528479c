package dev.clew.core.sampling;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.Sampler;
import java.util.Locale;

/**
 * Builds the sampler named by {@code otel.traces.sampler} / {@code otel.traces.sampler.arg}.
 * With local tail sampling on ({@code clew.tail.enabled}) the head sampler records every span, since
 * the tail processor can only keep what was recorded; the configured sampler is then not used.
 */
public final class Samplers {
  public static final String DEFAULT = "parentbased_always_on";
  /** Traces per second when {@code clew.ratelimiting} has no argument. */
  public static final double DEFAULT_RATE = 100;

  private Samplers() {}

  public static Sampler fromConfig(Config config) {
    String name = config.getString("otel.traces.sampler", DEFAULT).toLowerCase(Locale.ROOT);
    if (TailSamplingProcessor.isEnabled(config)) {
      if (!"always_on".equals(name) && !DEFAULT.equals(name)) {
        AgentLog.warn("otel.traces.sampler=" + name + " is not used because clew.tail.enabled=true: every span is"
            + " recorded and the tail sampler decides which traces are exported");
      }
      return AlwaysOnSampler.INSTANCE;
    }
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
      case "clew.ratelimiting":
        return new ParentBasedSampler(new RateLimitingSampler(rate(config)));
      default:
        AgentLog.warn("unknown sampler '" + name + "' in otel.traces.sampler; using " + DEFAULT);
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

  private static double rate(Config config) {
    double r = config.getDouble("otel.traces.sampler.arg", DEFAULT_RATE);
    if (r < 0) {
      AgentLog.warn("invalid value '" + r + "' for otel.traces.sampler.arg: expected traces per second >= 0;"
          + " using " + DEFAULT_RATE);
      return DEFAULT_RATE;
    }
    return r;
  }
}
