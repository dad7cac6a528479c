package dev.clew.core.sampling;

import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.Sampler;

/**
 * Builds the sampler named by {@code otel.traces.sampler} / {@code otel.traces.sampler.arg}.
 * With local tail sampling on ({@code clew.tail.enabled}) the head sampler records every span, since
 * the tail processor can only keep what was recorded; the configured sampler is then not used.
 */
public final class Samplers {
  public static final String DEFAULT = "parentbased_always_on";
  /** Traces per second when {@code clew.ratelimiting} has no argument. */
  public static final double DEFAULT_RATE = 100;
  static final String ARG_KEY = "otel.traces.sampler.arg";

  private Samplers() {}

  public static Sampler fromConfig(Config config) {
    // its default depends on the sampler, and only two samplers read it
    config.declare(ARG_KEY, "1.0 (ratio), " + (long) DEFAULT_RATE + " (rate limit)");
    String name = config.getOneOf("otel.traces.sampler", DEFAULT, "always_on", "always_off", "traceidratio",
        "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio", "clew.ratelimiting");
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
        return new ParentBasedSampler(AlwaysOnSampler.INSTANCE);
    }
  }

  private static double ratio(Config config) {
    return config.getRatio(ARG_KEY, 1.0);
  }

  /** Above 0: a rate of 0 would drop every new trace, which {@code parentbased_always_off} says plainly. */
  private static double rate(Config config) {
    return config.getPositiveDouble(ARG_KEY, DEFAULT_RATE);
  }
}
