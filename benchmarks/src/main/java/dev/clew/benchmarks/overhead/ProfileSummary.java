package dev.clew.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an async-profiler profile in collapsed form (one stack per line, {@code frame;frame;... count},
 * the thread first when recorded with {@code threads}) and prints what docs/performance.md records: the
 * share of samples per thread kind, the share under clew's own frames, the top clew methods (inclusive)
 * and the top leaf frames. Usage: {@code ProfileSummary FILE.collapsed [N]}.
 */
public final class ProfileSummary {
  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> clewInclusive = new HashMap<>();
    Map<String, Long> leaves = new HashMap<>();
    long total = 0;
    long underClew = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      long n = Long.parseLong(line.substring(space + 1).trim());
      String[] frames = line.substring(0, space).split(";");
      total += n;
      int first = 0;
      if (frames[0].startsWith("[")) {
        threads.merge(threadKind(frames[0]), n, Long::sum);
        first = 1;
      }
      Set<String> seen = new HashSet<>();
      boolean clew = false;
      for (int i = first; i < frames.length; i++) {
        String f = frames[i];
        if (isClew(f)) {
          clew = true;
          if (seen.add(f)) {
            clewInclusive.merge(f, n, Long::sum);
          }
        }
      }
      if (clew) {
        underClew += n;
      }
      leaves.merge(frames[frames.length - 1], n, Long::sum);
    }
    System.out.printf("%s: %,d samples%n", args[0], total);
    System.out.printf("under clew frames (dev/clew/* but the benchmark apps, inclusive): %.1f%%%n",
        pct(underClew, total));
    System.out.println("\nthreads:");
    print(threads, total, top);
    System.out.println("\nclew methods (inclusive):");
    print(clewInclusive, total, top);
    System.out.println("\nleaf frames (self):");
    print(leaves, total, top);
  }

  /** The agent's frames; the benchmark's own applications live under dev/clew/benchmarks and are not. */
  private static boolean isClew(String frame) {
    return (frame.startsWith("dev/clew/") || frame.startsWith("dev.clew."))
        && !frame.startsWith("dev/clew/benchmarks/") && !frame.startsWith("dev.clew.benchmarks.");
  }

  /** {@code [qtp123-41 tid=9]} becomes {@code qtp123-*}: one row per pool, not per thread. */
  static String threadKind(String frame) {
    String name = frame.substring(1, frame.length() - 1);
    int tid = name.lastIndexOf(" tid=");
    if (tid >= 0) {
      name = name.substring(0, tid);
    }
    return name.replaceAll("[0-9]+$", "*");
  }

  private static void print(Map<String, Long> counts, long total, int top) {
    List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    for (int i = 0; i < Math.min(top, rows.size()); i++) {
      System.out.printf("  %5.1f%%  %s%n", pct(rows.get(i).getValue(), total), rows.get(i).getKey());
    }
  }

  private static double pct(long n, long total) {
    return total == 0 ? 0 : 100.0 * n / total;
  }
}
