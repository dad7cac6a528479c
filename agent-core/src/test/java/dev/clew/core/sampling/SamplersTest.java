package dev.clew.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clew.core.config.Config;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplersTest {
  static final String FOLLOW = ",remoteParentSampled=AlwaysOnSampler,remoteParentNotSampled=AlwaysOffSampler,"
      + "localParentSampled=AlwaysOnSampler,localParentNotSampled=AlwaysOffSampler}";

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null | null | ParentBased{root=AlwaysOnSampler" + FOLLOW,
      "always_on | null | AlwaysOnSampler",
      "ALWAYS_OFF | null | AlwaysOffSampler",
      "traceidratio | 0.25 | TraceIdRatioBased{0.25}",
      "traceidratio | 2 | TraceIdRatioBased{1.0}",
      "traceidratio | abc | TraceIdRatioBased{1.0}",
      "parentbased_always_on | null | ParentBased{root=AlwaysOnSampler" + FOLLOW,
      "parentbased_always_off | null | ParentBased{root=AlwaysOffSampler" + FOLLOW,
      "parentbased_traceidratio | 0.1 | ParentBased{root=TraceIdRatioBased{0.1}" + FOLLOW,
      "clew.ratelimiting | 50 | ParentBased{root=RateLimiting{50.0}" + FOLLOW,
      "clew.ratelimiting | null | ParentBased{root=RateLimiting{100.0}" + FOLLOW,
      "clew.ratelimiting | -1 | ParentBased{root=RateLimiting{100.0}" + FOLLOW,
      "nonsense | null | ParentBased{root=AlwaysOnSampler" + FOLLOW,
  })
  void fromConfig(String name, String arg, String description) {
    Map<String, String> m = new HashMap<>();
    if (name != null) {
      m.put("otel.traces.sampler", name);
    }
    if (arg != null) {
      m.put("otel.traces.sampler.arg", arg);
    }
    assertEquals(description, Samplers.fromConfig(Config.of(m)).description());
  }
}
