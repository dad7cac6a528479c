package dev.clew.benchmarks.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link OverheadBenchmark}; {@code --help} lists them. */
final class Options {
  static final String USAGE = String.join("\n",
      "OverheadBenchmark --root=DIR --clew-jar=JAR --otel-jar=JAR [options]",
      "  --quick                 one short round (5 s phases) for iterating",
      "  --rounds=N              interleaved rounds (default 3)",
      "  --warmup=S --throughput=S --latency=S   phase lengths in seconds (default 20, 15, 15)",
      "  --connections=N         concurrent connections of the load (default 8)",
      "  --rate=R                fixed rate of the latency phase, requests/s (default: a fraction of the",
      "                          no-agent throughput of the first round, see --rate-fraction)",
      "  --rate-fraction=F       default 0.4",
      "  --apps=a,b              servlet-jdbc, spring-jpa (default: every app that is built)",
      "  --configs=a,b           none, clew, otel (default all three)",
      "  --jvm-args='...'        options of the application JVMs (default -Xms512m -Xmx512m)",
      "  --java=PATH             java executable of the application JVMs (default: this JVM's)",
      "  --clew-args='...' --otel-args='...'   extra options for one agent",
      "  --profile=EVENT         async-profiler event (cpu, alloc, wall) during the throughput phase",
      "  --profile-configs=a,b   configurations to profile (default clew)",
      "  --profile-interval=I    sampling interval (default 1ms; for alloc, bytes, e.g. 512k)",
      "  --stall-below=F         a run with an agent whose closed-loop throughput is below F x the no-agent",
      "                          throughput is diagnosed: thread dumps and a wall-clock profile under load",
      "                          (default 0.3; 0: never)",
      "  --out=DIR               results (default ROOT/benchmarks/target/overhead)");

  Path root;
  Path clewJar;
  Path otelJar;
  Path out;
  int rounds = 3;
  double warmup = 20; // clew's larger instrumented code keeps C2 busy longer: see docs/performance.md
  double throughput = 15;
  double latency = 15;
  int connections = 8;
  double rate;
  double rateFraction = 0.4;
  List<String> apps = new ArrayList<>();
  List<AgentConfig> configs = new ArrayList<>(List.of(AgentConfig.values()));
  List<String> jvmArgs = List.of("-Xms512m", "-Xmx512m");
  String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  List<String> clewArgs = new ArrayList<>();
  List<String> otelArgs = new ArrayList<>();
  String profile;
  String profileInterval = "1ms";
  List<AgentConfig> profileConfigs = new ArrayList<>(List.of(AgentConfig.CLEW));
  boolean quick;
  double stallBelow = 0.3;

  static Options parse(String[] args) {
    Options o = new Options();
    for (String a : args) {
      String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
      switch (key) {
        case "--root": o.root = Path.of(v); break;
        case "--clew-jar": o.clewJar = Path.of(v); break;
        case "--otel-jar": o.otelJar = Path.of(v); break;
        case "--out": o.out = Path.of(v); break;
        case "--quick":
          o.quick = true;
          o.rounds = 1;
          o.warmup = 5;
          o.throughput = 5;
          o.latency = 5;
          break;
        case "--rounds": o.rounds = Integer.parseInt(v); break;
        case "--warmup": o.warmup = Double.parseDouble(v); break;
        case "--throughput": o.throughput = Double.parseDouble(v); break;
        case "--latency": o.latency = Double.parseDouble(v); break;
        case "--connections": o.connections = Integer.parseInt(v); break;
        case "--rate": o.rate = Double.parseDouble(v); break;
        case "--rate-fraction": o.rateFraction = Double.parseDouble(v); break;
        case "--apps": o.apps = split(v); break;
        case "--configs": o.configs = configs(v); break;
        case "--jvm-args": o.jvmArgs = split(v, " "); break;
        case "--java": o.java = v; break;
        case "--clew-args": o.clewArgs = split(v, " "); break;
        case "--otel-args": o.otelArgs = split(v, " "); break;
        case "--profile": o.profile = v; break;
        case "--profile-interval": o.profileInterval = v; break;
        case "--profile-configs": o.profileConfigs = configs(v); break;
        case "--stall-below": o.stallBelow = Double.parseDouble(v); break;
        case "--help":
          System.out.println(USAGE);
          System.exit(0);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (o.root == null || o.clewJar == null || o.otelJar == null) {
      throw new IllegalArgumentException("--root, --clew-jar and --otel-jar are required\n" + USAGE);
    }
    if (o.out == null) {
      o.out = o.root.resolve("benchmarks/target/overhead");
    }
    return o;
  }

  private static List<AgentConfig> configs(String v) {
    List<AgentConfig> out = new ArrayList<>();
    for (String k : split(v)) {
      out.add(AgentConfig.byKey(k));
    }
    return out;
  }

  private static List<String> split(String v) {
    return split(v, ",");
  }

  private static List<String> split(String v, String separator) {
    List<String> out = new ArrayList<>();
    for (String s : Arrays.asList(v.trim().split(separator))) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
