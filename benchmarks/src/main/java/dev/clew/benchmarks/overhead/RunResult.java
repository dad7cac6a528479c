package dev.clew.benchmarks.overhead;

/** What one run of one application in one configuration measured. */
final class RunResult {
  final String app;
  final AgentConfig config;
  final int round;
  double startupMillis;
  double throughput;
  double cpuMicrosPerRequest;
  double jitMicrosPerRequest;
  double gcMicrosPerRequest;
  /** JIT compiler threads' CPU from launch to the end of the closed loop: the compile work, whatever its timing. */
  double jitSecondsToEndOfLoop;
  double allocBytesPerRequest;
  double closedP99Millis;
  double rate;
  double p50Millis;
  double p99Millis;
  double cpuMicrosPerRequestAtRate;
  double heapAfterGcBytes;
  double peakRssBytes;
  double classesLoaded;
  double spansPerRequest;
  long errors;

  RunResult(String app, AgentConfig config, int round) {
    this.app = app;
    this.config = config;
    this.round = round;
  }

  static String csvHeader() {
    return "app,config,round,startup_ms,throughput_rps,cpu_us_per_req,jit_us_per_req,gc_us_per_req,"
        + "alloc_bytes_per_req,closed_p99_ms,"
        + "rate_rps,p50_ms,p99_ms,cpu_us_per_req_at_rate,heap_after_gc_bytes,peak_rss_bytes,classes_loaded,"
        + "spans_per_req,errors,jit_s_to_end_of_loop";
  }

  String csv() {
    return String.join(",", app, config.key, Integer.toString(round), f(startupMillis), f(throughput),
        f(cpuMicrosPerRequest), f(jitMicrosPerRequest), f(gcMicrosPerRequest), f(allocBytesPerRequest),
        f(closedP99Millis), f(rate), f(p50Millis), f(p99Millis), f(cpuMicrosPerRequestAtRate),
        f(heapAfterGcBytes), f(peakRssBytes), f(classesLoaded), f(spansPerRequest),
        Long.toString(errors), f(jitSecondsToEndOfLoop));
  }

  /** CPU per request of the application's and the agent's threads: all but the JIT compiler and GC. */
  double appMicrosPerRequest() {
    return cpuMicrosPerRequest - jitMicrosPerRequest - gcMicrosPerRequest;
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}
