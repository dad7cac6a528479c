package dev.clew.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown table of one benchmark: per application and figure, the median of the runs of each
 * configuration with its spread (min–max), the cost each agent adds to the no-agent median, and the ratio
 * of clew's added cost to the OpenTelemetry agent's with the goal for it.
 */
final class Report {
  /** How a figure compares: a cost agents add, or a rate they reduce, or context only. */
  private enum Kind { COST, RATE, INFO }

  private static final class Figure {
    final String label;
    final Kind kind;
    final double scale;
    final String format;
    final ToDoubleFunction<RunResult> value;
    final double goal; // ratio bound, NaN for none

    Figure(String label, Kind kind, double scale, String format, ToDoubleFunction<RunResult> value, double goal) {
      this.label = label;
      this.kind = kind;
      this.scale = scale;
      this.format = format;
      this.value = value;
      this.goal = goal;
    }
  }

  private static final List<Figure> FIGURES = List.of(
      new Figure("start-up to first 200 (ms)", Kind.COST, 1, "%,.0f", r -> r.startupMillis, 0.2),
      new Figure("throughput, closed loop (req/s)", Kind.RATE, 1, "%,.0f", r -> r.throughput, 0.9),
      new Figure("CPU per request (µs)", Kind.COST, 1, "%,.0f", r -> r.cpuMicrosPerRequest, 0.2),
      new Figure("… of which JIT compiler threads (µs)", Kind.COST, 1, "%,.0f", r -> r.jitMicrosPerRequest,
          Double.NaN),
      new Figure("… of which GC and VM threads (µs)", Kind.COST, 1, "%,.0f", r -> r.gcMicrosPerRequest, Double.NaN),
      new Figure("… the rest: application and agent threads (µs)", Kind.COST, 1, "%,.0f",
          RunResult::appMicrosPerRequest, Double.NaN),
      new Figure("JIT CPU from launch to the end of the closed loop (s)", Kind.COST, 1, "%,.2f",
          r -> r.jitSecondsToEndOfLoop, Double.NaN),
      new Figure("allocation per request (KB)", Kind.COST, 1e-3, "%,.1f", r -> r.allocBytesPerRequest, Double.NaN),
      new Figure("p99, closed loop (ms)", Kind.COST, 1, "%,.2f", r -> r.closedP99Millis, Double.NaN),
      new Figure("p50 at fixed rate (ms)", Kind.COST, 1, "%,.2f", r -> r.p50Millis, Double.NaN),
      new Figure("p99 at fixed rate (ms)", Kind.COST, 1, "%,.2f", r -> r.p99Millis, 0.2),
      new Figure("CPU per request at fixed rate (µs)", Kind.COST, 1, "%,.0f", r -> r.cpuMicrosPerRequestAtRate,
          Double.NaN),
      new Figure("heap after GC (MB)", Kind.COST, 1e-6, "%,.1f", r -> r.heapAfterGcBytes, 0.25),
      new Figure("peak RSS (MB)", Kind.COST, 1e-6, "%,.0f", r -> r.peakRssBytes, Double.NaN),
      new Figure("classes loaded", Kind.COST, 1, "%,.0f", r -> r.classesLoaded, Double.NaN),
      new Figure("spans per request", Kind.INFO, 1, "%,.2f", r -> r.spansPerRequest, Double.NaN));

  private final Options o;
  private final List<App> apps;
  private final List<RunResult> results;
  private final Map<String, Double> rates;
  private final String javaVersion;
  private final String loadBefore;
  private final String loadAfter;
  private final double seconds;

  Report(Options o, List<App> apps, List<RunResult> results, Map<String, Double> rates, String javaVersion,
      String loadBefore, String loadAfter, double seconds) {
    this.o = o;
    this.apps = apps;
    this.results = results;
    this.rates = rates;
    this.javaVersion = javaVersion;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.seconds = seconds;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT,
        "Overhead benchmark, %s: %d round(s), configurations interleaved; %s; %d cores (%s), %s; load average"
            + " %s before, %s after; %.0f s in all.%n%n",
        LocalDate.now(), o.rounds, o.quick ? "quick mode" : "full mode", Runtime.getRuntime().availableProcessors(),
        cpuModel(), "JDK " + javaVersion, loadBefore, loadAfter, seconds));
    md.append(String.format(Locale.ROOT,
        "Each run: a fresh JVM (%s), start-up to the first 200, %.0f s warm-up, %.0f s closed loop of %d connections"
            + " (throughput, CPU per request split into JIT compiler, GC/VM and the rest by thread, allocation per"
            + " request, spans per request), %.0f s open loop at a fixed rate"
            + " (p50, p99 from each request's due time), then heap after GC, peak RSS, classes loaded. Cells:"
            + " median (min–max). \"added\" = median with the agent − median without; the ratio column is clew's"
            + " added cost ÷ the OpenTelemetry agent's (throughput: clew ÷ no agent), against the goal of issue 13.%n",
        String.join(" ", o.jvmArgs), o.warmup, o.throughput, o.connections, o.latency));
    for (App app : apps) {
      md.append(String.format(Locale.ROOT, "%n**%s**, `%s`, fixed rate %.0f req/s%n%n", app.title, app.path,
          rates.getOrDefault(app.name, 0.0)));
      md.append("| | no agent | clew | OpenTelemetry agent | clew added | OTel added | ratio | goal |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (Figure f : FIGURES) {
        md.append(row(app, f)).append('\n');
      }
    }
    md.append(String.format(Locale.ROOT, "%nAgent jars: clew %s, OpenTelemetry agent %s (goal for clew: under 3 MB)%n",
        size(o.clewJar), size(o.otelJar)));
    return md.toString();
  }

  private String row(App app, Figure f) {
    double[] none = values(app, AgentConfig.NONE, f);
    double[] clew = values(app, AgentConfig.CLEW, f);
    double[] otel = values(app, AgentConfig.OTEL, f);
    StringBuilder row = new StringBuilder("| ").append(f.label);
    for (double[] v : List.of(none, clew, otel)) {
      row.append(" | ").append(cell(v, f));
    }
    double n = median(none);
    double c = median(clew);
    double t = median(otel);
    String ratio = "";
    String goal = "";
    if (f.kind == Kind.COST) {
      row.append(" | ").append(added(c - n, f)).append(" | ").append(added(t - n, f));
      double r = (c - n) / (t - n);
      ratio = Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "";
      if (!Double.isNaN(f.goal) && Double.isFinite(r)) {
        goal = "≤ " + f.goal + (r <= f.goal ? " met" : " not met");
      }
    } else if (f.kind == Kind.RATE) {
      row.append(" | ").append(times(c / n)).append(" | ").append(times(t / n));
      double r = c / n;
      ratio = Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "";
      if (Double.isFinite(r)) {
        goal = "≥ " + f.goal + (r >= f.goal ? " met" : " not met");
      }
    } else {
      row.append(" | | ");
    }
    return row.append(" | ").append(ratio).append(" | ").append(goal).append(" |").toString();
  }

  private double[] values(App app, AgentConfig c, Figure f) {
    List<Double> v = new ArrayList<>();
    for (RunResult r : results) {
      if (r.app.equals(app.name) && r.config == c) {
        v.add(f.value.applyAsDouble(r) * f.scale);
      }
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    Arrays.sort(out);
    return out;
  }

  private static String cell(double[] v, Figure f) {
    if (v.length == 0) {
      return "–";
    }
    String m = String.format(Locale.ROOT, f.format, median(v));
    if (v.length == 1) {
      return m;
    }
    return m + " (" + String.format(Locale.ROOT, f.format, v[0]) + "–" + String.format(Locale.ROOT, f.format,
        v[v.length - 1]) + ")";
  }

  private static String added(double d, Figure f) {
    return Double.isNaN(d) ? "" : (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, f.format, Math.abs(d));
  }

  private static String times(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f×", r) : "";
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static String size(Path jar) {
    try {
      return String.format(Locale.ROOT, "%.2f MB", Files.size(jar) / 1e6);
    } catch (IOException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
