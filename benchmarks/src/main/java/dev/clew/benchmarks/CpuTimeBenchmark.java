package dev.clew.benchmarks;

import dev.clew.core.export.ExportBuffer;
import dev.clew.core.export.otlp.OtlpProtobufEncoder;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanData;
import dev.clew.core.trace.Tracer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The clew hot paths of the JMH benchmarks, timed in thread CPU time instead of wall time, for before/after
 * comparisons on a shared machine: a thread that is descheduled is not charged for the wait, so the figures
 * move far less with the machine's load than JMH's (which remain the reference on a quiet machine).
 * Prints the minimum and median over rounds. Usage: {@code CpuTimeBenchmark [seconds per case]}.
 */
public final class CpuTimeBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeBenchmark() {}

  interface Case {
    Object run() throws IOException;
  }

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    List<SpanData> spans = ClewSpans.batch();
    OtlpProtobufEncoder encoder = new OtlpProtobufEncoder();
    ByteArrayOutputStream sink = new ByteArrayOutputStream(256 * 1024);
    Tracer tracer = ClewSpans.provider(new ClewSpans.NoopProcessor()).tracer("clew.servlet");
    String path = SpanRecipe.path(0);
    measure("encode 512 spans to OTLP protobuf", seconds, () -> {
      sink.reset();
      return encoder.encode(spans, sink);
    });
    measure("encode 512 spans to a new array", seconds, () -> encoder.encode(spans));
    ExportBuffer buffer = new ExportBuffer();
    measure("encode 512 spans into a kept buffer", seconds, () -> {
      buffer.reset();
      return encoder.encode(spans, buffer);
    });
    measure("span start + end, no-op processor", seconds, () -> {
      Span span = ClewSpans.startServer(tracer, path);
      span.setAttribute("http.response.status_code", 200L);
      span.end();
      return span;
    });
  }

  private static void measure(String name, double seconds, Case c) throws IOException {
    int rounds = 20;
    long roundNanos = (long) (seconds * 1e9 / (rounds + 5));
    double[] perOp = new double[rounds];
    Object sink = null;
    for (int r = -5; r < rounds; r++) { // 5 rounds of warm-up
      long ops = 0;
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long end = System.nanoTime() + roundNanos;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 64; i++) {
          sink = c.run();
        }
        ops += 64;
      }
      long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      if (r >= 0) {
        perOp[r] = (double) cpu / ops;
      }
    }
    Arrays.sort(perOp);
    System.out.printf(Locale.ROOT, "%-40s cpu ns/op: min %,.0f  median %,.0f  (%s)%n", name, perOp[0],
        perOp[rounds / 2], sink == null ? "" : "ok");
  }
}
