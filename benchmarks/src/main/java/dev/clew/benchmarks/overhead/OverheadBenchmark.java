package dev.clew.benchmarks.overhead;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole-agent overhead benchmark: runs real applications without an agent, with clew and with the
 * OpenTelemetry Java agent, in interleaved rounds (the order of the configurations rotates per round),
 * each run in a fresh JVM exporting to a local OTLP sink, and prints a Markdown table of medians, spread
 * and the ratios issue 13 asks for. Run it with {@code benchmarks/overhead.sh}. Per run:
 * <ol>
 *   <li>start-up: from launching the JVM to the first 200 answer to the benchmark request;</li>
 *   <li>warm-up, then throughput: a closed loop of N connections; the application JVM's CPU time and
 *       allocated bytes over this phase, divided by the requests served; spans per request from the spans
 *       the sink received that started in this phase;</li>
 *   <li>latency: an open loop at a fixed rate below saturation (the same rate for every configuration),
 *       p50 and p99 measured from when each request was due;</li>
 *   <li>heap after two full GCs, peak RSS, classes loaded; then the JVM is stopped (SIGTERM, so agents
 *       flush).</li>
 * </ol>
 */
public final class OverheadBenchmark {
  private final Options o;
  private final OtlpSink sink;
  private final LoadDriver load;
  private final Path logs;
  private final Map<String, Double> rates = new LinkedHashMap<>();
  private final Map<String, Double> noAgentThroughput = new LinkedHashMap<>();
  private Path profilerLibrary;
  String appJavaVersion = "";

  private OverheadBenchmark(Options o, OtlpSink sink, LoadDriver load, Path logs) {
    this.o = o;
    this.sink = sink;
    this.load = load;
    this.logs = logs;
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<App> apps = new ArrayList<>();
    for (App a : App.all(o.root)) {
      if (o.apps.isEmpty() ? a.built() : o.apps.contains(a.name)) {
        if (!a.built()) {
          throw new IllegalStateException(a.name + " is not built (benchmarks/overhead.sh builds it)");
        }
        apps.add(a);
      }
    }
    Path logs = o.out.resolve("logs");
    Files.createDirectories(logs);
    Path csv = o.out.resolve("runs.csv");
    Files.writeString(csv, RunResult.csvHeader() + "\n");
    String loadBefore = loadAverage();
    long began = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    OverheadBenchmark bench;
    try (OtlpSink sink = new OtlpSink(); LoadDriver load = new LoadDriver(o.java, logs.resolve("load.log"))) {
      bench = new OverheadBenchmark(o, sink, load, logs);
      for (int round = 0; round < o.rounds; round++) {
        for (App app : apps) {
          for (int i = 0; i < o.configs.size(); i++) {
            AgentConfig c = o.configs.get((i + round) % o.configs.size());
            RunResult r = bench.run(app, c, round);
            results.add(r);
            Files.writeString(csv, r.csv() + "\n", StandardOpenOption.APPEND);
            System.err.printf(Locale.ROOT,
                "round %d %-12s %-5s start %6.0f ms  %7.0f req/s  cpu %6.1f us/req (jit %5.1f gc %5.1f)"
                    + "  alloc %7.0f B/req  p99 %6.2f ms @%.0f/s  heap %5.1f MB  rss %5.0f MB  classes %5.0f"
                    + "  spans/req %.3f  errors %d%n",
                round + 1, app.name, c.key, r.startupMillis, r.throughput, r.cpuMicrosPerRequest,
                r.jitMicrosPerRequest, r.gcMicrosPerRequest, r.allocBytesPerRequest, r.p99Millis, r.rate,
                r.heapAfterGcBytes / 1e6, r.peakRssBytes / 1e6, r.classesLoaded, r.spansPerRequest, r.errors);
          }
        }
      }
    }
    String markdown = new Report(o, apps, results, bench.rates, bench.appJavaVersion, loadBefore, loadAverage(),
        (System.nanoTime() - began) / 1e9).markdown();
    Files.writeString(o.out.resolve("overhead.md"), markdown);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(markdown);
    out.println("(also in " + o.out.resolve("overhead.md") + "; every run in " + csv + ")");
  }

  private RunResult run(App app, AgentConfig c, int round) throws Exception {
    RunResult r = new RunResult(app.name, c, round + 1);
    sink.reset();
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(o.java);
    command.addAll(o.jvmArgs);
    command.addAll(c.jvmArgs(o, sink.endpoint(), "overhead-" + app.name));
    command.addAll(app.command(port));
    String name = app.name + "-" + c.key + "-r" + (round + 1);
    Path log = logs.resolve(name + ".log");
    Files.writeString(log, String.join(" ", command) + "\n");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      awaitFirst200(p, port, app.path, log);
      r.startupMillis = (System.nanoTime() - t0) / 1e6;
      try (JvmProbe probe = new JvmProbe(p.pid())) {
        if (appJavaVersion.isEmpty()) {
          appJavaVersion = probe.javaVersion();
        }
        load.closed(port, app.path, o.connections, o.warmup);
        boolean profile = o.profile != null && o.profileConfigs.contains(c);
        if (profile) {
          probe.profiler(profilerLibrary(), "start,event=" + o.profile + ",interval=" + o.profileInterval + ",threads");
        }
        long cpu0 = probe.cpuNanos();
        long[] jitGc0 = probe.jitAndGcNanos();
        long alloc0 = probe.allocatedBytes();
        Map<String, Long> t = load.closed(port, app.path, o.connections, o.throughput);
        long cpu1 = probe.cpuNanos();
        long[] jitGc1 = probe.jitAndGcNanos();
        long alloc1 = probe.allocatedBytes();
        if (profile) {
          Path base = o.out.resolve("profile-" + name + "-" + o.profile);
          probe.profiler(profilerLibrary(), "dump,flamegraph,file=" + base + ".html");
          probe.profiler(profilerLibrary(), "stop,collapsed,file=" + base + ".collapsed");
          System.err.println("profile: " + base + ".html, " + base + ".collapsed");
        }
        long served = t.get("requests");
        r.errors += t.get("errors");
        r.throughput = served / (t.get("elapsedNanos") / 1e9);
        r.cpuMicrosPerRequest = (cpu1 - cpu0) / 1e3 / served;
        r.jitMicrosPerRequest = (jitGc1[0] - jitGc0[0]) / 1e3 / served;
        r.gcMicrosPerRequest = (jitGc1[1] - jitGc0[1]) / 1e3 / served;
        r.jitSecondsToEndOfLoop = jitGc1[0] / 1e9;
        r.allocBytesPerRequest = (alloc1 - alloc0) / (double) served;
        r.closedP99Millis = t.get("p99") / 1e3;
        long windowFrom = t.get("startMillis");
        long windowTo = t.get("endMillis");
        if (c == AgentConfig.NONE) {
          noAgentThroughput.put(app.name, r.throughput);
        } else if (r.throughput < o.stallBelow * noAgentThroughput.getOrDefault(app.name, 0.0)) {
          diagnoseStall(probe, port, app, name, r.throughput);
        }

        r.rate = rates.computeIfAbsent(app.name, k -> o.rate > 0 ? o.rate : Math.max(1, Math.round(r.throughput * o.rateFraction)));
        long cpu2 = probe.cpuNanos();
        Map<String, Long> l = load.open(port, app.path, o.connections, r.rate, o.latency);
        long cpu3 = probe.cpuNanos();
        r.errors += l.get("errors");
        r.p50Millis = l.get("p50") / 1e3;
        r.p99Millis = l.get("p99") / 1e3;
        r.cpuMicrosPerRequestAtRate = (cpu3 - cpu2) / 1e3 / Math.max(1, l.get("requests"));

        r.heapAfterGcBytes = probe.heapAfterGc();
        r.classesLoaded = probe.classesLoaded();
        r.peakRssBytes = probe.peakRss();
        stop(p, name);
        String failure = sink.failure();
        if (failure != null) {
          throw new IllegalStateException(name + ": the OTLP sink: " + failure);
        }
        r.spansPerRequest = sink.spansStartedBetween(windowFrom, windowTo) / (double) served;
      }
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    return r;
  }

  /**
   * A run far below the no-agent throughput: is the application waiting (a lock, a queue, a starved
   * thread) or computing? Keeps the load on for a while longer and records, meanwhile, thread dumps every
   * 2 s and a wall-clock profile (every thread, running or not) into the run's logs.
   */
  private void diagnoseStall(JvmProbe probe, int port, App app, String name, double throughput) throws Exception {
    double seconds = Math.max(6, Math.min(o.throughput, 20));
    System.err.printf(Locale.ROOT, "%s: %.0f req/s is below %.2f x the no-agent throughput; diagnosing for %.0f s%n",
        name, throughput, o.stallBelow, seconds);
    Path base = logs.resolve(name + "-stall");
    probe.profiler(profilerLibrary(), "start,event=wall,interval=5ms,threads");
    Thread dumper = new Thread(() -> {
      try (java.io.Writer w = Files.newBufferedWriter(Path.of(base + "-threads.txt"))) {
        for (int i = 0; i < seconds / 2; i++) {
          Thread.sleep(2000);
          w.write("==== thread dump " + (i + 1) + ", load average " + loadAverage() + "\n" + probe.threadDump());
        }
      } catch (Exception e) {
        System.err.println(name + ": thread dumps stopped: " + e);
      }
    }, "stall-dumper");
    dumper.start();
    Map<String, Long> t = load.closed(port, app.path, o.connections, seconds);
    dumper.join();
    probe.profiler(profilerLibrary(), "stop,collapsed,file=" + base + "-wall.collapsed");
    System.err.printf(Locale.ROOT, "%s: %.0f req/s while diagnosed; %s-threads.txt, %s-wall.collapsed%n", name,
        t.get("requests") / (t.get("elapsedNanos") / 1e9), base, base);
  }

  private static void awaitFirst200(Process p, int port, String path, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the application exited with " + p.exitValue() + " before answering; see "
            + log);
      }
      try (HttpConnection c = new HttpConnection("127.0.0.1", port, path, 500)) {
        if (c.get() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no 200 from the application within 5 minutes; see " + log);
  }

  private static void stop(Process p, String name) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      System.err.println(name + ": did not stop within 60 s of SIGTERM; killed");
      p.destroyForcibly().waitFor();
    }
  }

  private Path profilerLibrary() throws IOException {
    if (profilerLibrary == null) {
      Path lib = o.out.resolve("libasyncProfiler.so");
      try (InputStream in = OverheadBenchmark.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
        if (in == null) {
          throw new IOException("async-profiler's linux-x64 library is not on the class path");
        }
        Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
      }
      profilerLibrary = lib;
    }
    return profilerLibrary;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String loadAverage() {
    try {
      String[] w = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return w[0] + " " + w[1] + " " + w[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
